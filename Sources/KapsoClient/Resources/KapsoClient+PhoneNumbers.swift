extension KapsoClient {
    /// `GET /whatsapp/phone_numbers` (page style).
    public func phoneNumbers(page: Int = 1, perPage: Int = 20) throws(KapsoAPIError) -> Page<PhoneNumber> {
        let json = try perform(
            platformRequest("/whatsapp/phone_numbers", query: [("page", String(page)), ("per_page", String(perPage))]))
        return try Page.decode(json, item: PhoneNumber.init(json:))
    }

    /// Every phone number of the project, following pages.
    public func allPhoneNumbers() throws(KapsoAPIError) -> [PhoneNumber] {
        var all: [PhoneNumber] = []
        var page = 1
        while true {
            let result = try phoneNumbers(page: page, perPage: 100)
            all += result.items
            guard result.hasMore, page < 100 else { return all }
            page += 1
        }
    }

    /// `GET /whatsapp/phone_numbers/{id}`; a 404 becomes `phoneNumberNotFound` with the project's ids.
    public func phoneNumber(_ id: String) throws(KapsoAPIError) -> PhoneNumber {
        let json = try explainingMissingNumber(id) { () throws(KapsoAPIError) in
            try perform(platformRequest("/whatsapp/phone_numbers/\(percentEncode(id))"))
        }
        guard let object = json["data"]?.object else { throw .badShape("phone number response without 'data'") }
        return try PhoneNumber(json: object)
    }

    /// `GET /whatsapp/phone_numbers/{id}/health` (a bare object, no `data`).
    public func health(_ id: String) throws(KapsoAPIError) -> PhoneNumberHealth {
        let json = try explainingMissingNumber(id) { () throws(KapsoAPIError) in
            try perform(platformRequest("/whatsapp/phone_numbers/\(percentEncode(id))/health"))
        }
        guard let object = json.object else { throw .badShape("health response that is not an object") }
        return try PhoneNumberHealth(json: object)
    }

    /// Runs a call about one number; on 404 lists the project's numbers so the error can name them.
    func explainingMissingNumber<T>(_ id: String, _ call: () throws(KapsoAPIError) -> T) throws(KapsoAPIError) -> T {
        do throws(KapsoAPIError) {
            return try call()
        } catch .notFound {
            throw .phoneNumberNotFound(id: id, known: (try? allPhoneNumbers()) ?? [])
        }
    }
}
