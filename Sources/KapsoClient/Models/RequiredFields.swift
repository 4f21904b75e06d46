/// The fields a model needs of an API object, checked in one place so every decoder names what was wrong in the same
/// words: `phone number without an 'id'`, `message without a 'kapso' object` when the field is absent or null (fix58B's
/// leftover: "message without 'id' or 'kapso'" named neither), `phone number whose 'id' is a number, not a
/// string` when it is there with the wrong kind of value (tester58 AD6.3: an `id` sent as a JSON number was reported
/// "without an 'id'"). kapso-api.md §3, §7.3, §8.3 give ids, statuses and URLs as strings and `kapso` as an object.
enum RequiredField {
    case string(String)
    case object(String)

    var key: String {
        switch self {
        case .string(let key), .object(let key): key
        }
    }

    /// `a string`, `an object`: what the field must hold, as `JSONValue.kindName` words it.
    var kind: String {
        switch self {
        case .string: "a string"
        case .object: "an object"
        }
    }

    func accepts(_ value: JSONValue) -> Bool {
        switch self {
        case .string: value.string != nil
        case .object: value.object != nil
        }
    }

    /// Throws the first of `fields` that `json` lacks or holds with the wrong kind of value, for `thing` (`phone number`).
    static func check(_ fields: [RequiredField], in json: JSONObject, of thing: String) throws(KapsoAPIError) {
        for field in fields {
            guard let value = json[field.key], !value.isNull else {
                let article = field.key.first.map { "aeio".contains($0) } == true ? "an" : "a"
                throw .badShape("\(thing) without \(article) '\(field.key)'" + (field.kind == "an object" ? " object" : ""))
            }
            guard field.accepts(value) else {
                throw .badShape("\(thing) whose '\(field.key)' is \(value.kindName), not \(field.kind)")
            }
        }
    }
}
