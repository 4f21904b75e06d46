internal import Foundation

// MARK: - Message templates (Meta proxy) and marketing preferences (Platform)

extension SimulatorState {
    /// `GET /meta/whatsapp/{version}/{business_account_id}/message_templates`: the WABA's templates, newest
    /// first, filtered by `name`, `status`, `category`, `language` (exact), in Graph's paging shape
    /// (`paging{cursors{before, after}, next?, previous?}` with `next`/`previous` as URLs; kapso-api.md §14.3).
    func listTemplates(_ businessAccountID: String, _ request: APIRequest) throws(APIError) -> APIResponse {
        guard phoneNumbers.records.contains(where: { $0.json["business_account_id"]?.stringValue == businessAccountID })
        else { throw unknownGraphObject(businessAccountID) }
        let query = request.query
        let mode: CursorQuery.Mode
        do throws(APIError) {
            mode = try CursorQuery.parse(query.filter { $0.key != "page" && $0.key != "per_page" })
        } catch {
            throw graphError(400, code: 100, message: "(#100) Invalid parameter: limit must be 1-100 and cursors ours")
        }
        let filters = ["name", "status", "category", "language"].compactMap { key in query[key].map { (key, $0) } }
        let response = CursorQuery.response(templates, mode: mode, column: "id", request: request) { record in
            guard record.json["business_account_id"]?.stringValue == businessAccountID else { return false }
            // Graph's enums (status, category) match in any case; names and language codes exactly.
            return filters.allSatisfy { key, value in
                let held = record.json[key]?.stringValue
                return key == "status" || key == "category" ? held?.uppercased() == value.uppercased() : held == value
            }
        }
        return graphPaged(response, request: request)
    }

    /// Platform list answers rewritten as Graph's: items without the simulator's bookkeeping, `next` and
    /// `previous` as URLs carrying the cursor, and absent (not null) at the ends.
    private func graphPaged(_ response: APIResponse, request: APIRequest) -> APIResponse {
        guard let document = try? JSONParser.parse(response.body), let paging = document["paging"] else { return response }
        let items = (document["data"]?.arrayValue ?? []).map { item -> JSONValue in
            var object = item.objectValue ?? [:]
            object["business_account_id"] = nil
            return .object(object)
        }
        var graphPaging: JSONObject = ["cursors": paging["cursors"] ?? .null]
        let host = request.header("host") ?? "127.0.0.1"
        let kept = request.query.filter { !["after", "before"].contains($0.key) }.sorted { $0.key < $1.key }
        func url(_ name: String, _ cursor: String) -> JSONValue {
            let query = (kept + [(key: name, value: cursor)]).map { "\($0.key)=\(Self.formEncode($0.value))" }
            return .string("http://\(host)\(request.path.split(separator: "?").first ?? "")?" + query.joined(separator: "&"))
        }
        if let next = paging["next"]?.stringValue { graphPaging["next"] = url("after", next) }
        if let previous = paging["previous"]?.stringValue { graphPaging["previous"] = url("before", previous) }
        return .json(200, ["data": .array(items), "paging": .object(graphPaging)])
    }

    private static func formEncode(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { out += "%" + String(byte, radix: 16, uppercase: true).leftPadded }
            }
        }
        return out
    }

    /// `GET /whatsapp/contacts/{identifier}/marketing_preferences`: one entry per number the contact stopped
    /// or resumed marketing on; an empty list means subscribed everywhere.
    func marketingPreferences(of contact: String) throws(APIError) -> APIResponse {
        let digits = Self.digits(contact)
        guard knowsContact(digits) else { throw .notFound("WhatsApp contact not found") }
        let entries = marketingPreferences.filter { $0.key.hasPrefix(digits + "|") }.sorted { $0.key < $1.key }
        return .data(.array(entries.map { .object($0.value) }))
    }

    /// `GET /whatsapp/contacts/{identifier}/marketing_preferences/{phone_number_id}`: 404 `Marketing preference
    /// not found` means subscribed (Kapso's docs tell callers to read the error text, as the other 404s differ).
    func marketingPreference(of contact: String, on phoneNumberID: String) throws(APIError) -> APIResponse {
        let digits = Self.digits(contact)
        guard phoneNumbers[phoneNumberID] != nil else { throw .notFound("WhatsApp configuration not found") }
        guard knowsContact(digits) else { throw .notFound("WhatsApp contact not found") }
        guard let preference = marketingPreferences[SeedData.preferenceKey(contact: digits, phoneNumberID: phoneNumberID)]
        else { throw .notFound("Marketing preference not found") }
        return .data(.object(preference))
    }

    private func knowsContact(_ digits: String) -> Bool {
        !digits.isEmpty && conversations.records.contains { $0.json["phone_number"]?.stringValue == digits }
    }

    /// Checks a `type: template` send as Kapso and Meta would, in their order: the name and language must
    /// exist (132001, also for templates not approved yet or rejected), Kapso's marketing pre-check (422
    /// `marketing_preference_stopped`), paused or disabled (132015, 132016), then the parameters: count and
    /// names per component (132000), a media header's parameter (132012), text without new lines, tabs or
    /// more than four spaces in a row (100), the body with its values within 1,024 characters (132005), and an
    /// OTP button's code (132000).
    /// Returns the body text with the values filled in.
    func checkTemplateSend(_ body: JSONValue, number: JSONObject, contact: String) throws(APIError) -> TemplateSend {
        guard let name = body["template"]?["name"]?.stringValue, !name.isEmpty else {
            throw graphError(400, code: 100, message: "(#100) The parameter template['name'] is required.")
        }
        guard let language = body["template"]?["language"]?["code"]?.stringValue else {
            throw graphError(400, code: 100, message: "(#100) The parameter template['language']['code'] is required.")
        }
        let waba = number["business_account_id"]?.stringValue
        guard let template = templates.records.first(where: {
            $0.json["business_account_id"]?.stringValue == waba && $0.json["name"]?.stringValue == name
                && $0.json["language"]?.stringValue == language
        })?.json, template["status"]?.stringValue != "PENDING", template["status"]?.stringValue != "REJECTED"
        else {
            throw graphError(404, code: 132_001, message: "(#132001) Template name does not exist in the translation",
                details: "template name (\(name)) does not exist in \(language)")
        }
        let phoneNumberID = number["id"]?.stringValue ?? ""
        if template["category"]?.stringValue == "MARKETING",
            marketingPreferences[SeedData.preferenceKey(contact: contact, phoneNumberID: phoneNumberID)]?["status"] == "stopped"
        {
            throw APIError(.json(422, [
                "error": "Contact stopped marketing messages on this WhatsApp number", "code": "marketing_preference_stopped",
            ]))
        }
        switch template["status"]?.stringValue {
        case "PAUSED"?: throw graphError(400, code: 132_015, message: "(#132015) Template is Paused", details: "template \(name) is paused")
        case "DISABLED"?: throw graphError(400, code: 132_016, message: "(#132016) Template is Disabled", details: "template \(name) is disabled")
        default: break
        }
        if let components = body["template"]?["components"], components.arrayValue == nil, !components.isNull {
            throw graphError(400, code: 100, message: "(#100) Invalid parameter",
                details: "template['components'] must be an array of component objects")
        }
        let sent = body["template"]?["components"]?.arrayValue ?? []
        var rendered = ""
        for component in template["components"]?.arrayValue ?? [] {
            let type = component["type"]?.stringValue ?? ""
            guard type == "HEADER" || type == "BODY" else { continue }
            let given = sent.first { $0["type"]?.stringValue?.uppercased() == type }?["parameters"]?.arrayValue ?? []
            if type == "HEADER", let format = component["format"]?.stringValue, format != "TEXT" {
                try checkHeaderParameter(given, format: format)
                continue
            }
            let text = component["text"]?.stringValue ?? ""
            let variables = Self.placeholders(in: text)
            guard given.count == variables.count else {
                throw graphError(400, code: 132_000, message: "(#132000) Number of parameters does not match the expected number of params",
                    details: "\(type.lowercased()): number of localizable_params (\(given.count)) does not match the expected number of params (\(variables.count))")
            }
            var values: [String: String] = [:]
            for (index, parameter) in given.enumerated() {
                // A variable of the template's text takes text (Meta also takes currency and date_time there).
                guard let kind = parameter["type"]?.stringValue, ["text", "currency", "date_time"].contains(kind) else {
                    throw graphError(400, code: 132_012, message: "(#132012) Parameter format does not match format in the created template",
                        details: "\(type.lowercased()): parameter \(index + 1) is \(parameter["type"]?.stringValue ?? "untyped"), expected text")
                }
                let value = parameter["text"]?.stringValue ?? ""
                if kind == "text", value.allSatisfy(\.isWhitespace) {
                    throw graphError(400, code: 100, message: "(#100) Invalid parameter",
                        details: "\(type.lowercased()): parameter \(index + 1) text is missing or empty")
                }
                if value.contains("\n") || value.contains("\t") || value.contains("     ") {
                    throw graphError(400, code: 100, message: "(#100) Invalid parameter",
                        details: "Param text cannot have new-line/tab characters or more than 4 consecutive spaces")
                }
                let key = template["parameter_format"] == "NAMED" ? parameter["parameter_name"]?.stringValue ?? "" : String(index + 1)
                guard variables.contains(key) else {
                    throw graphError(400, code: 132_000, message: "(#132000) Number of parameters does not match the expected number of params",
                        details: "\(type.lowercased()): parameter name '\(key)' is not in the template")
                }
                values[key] = value
            }
            let filled = Self.fill(text, values)
            if type == "BODY" {
                guard filled.count <= 1_024 else {
                    throw graphError(400, code: 132_005, message: "(#132005) Translated text too long",
                        details: "the body with its parameters is \(filled.count) characters; at most 1024")
                }
                rendered = filled
            }
        }
        // An AUTHENTICATION template's OTP button repeats the code as a `button` component (templates-reference.md).
        let buttons = template["components"]?.arrayValue?.first { $0["type"]?.stringValue == "BUTTONS" }?["buttons"]?.arrayValue ?? []
        if let otp = buttons.firstIndex(where: { $0["type"]?.stringValue == "OTP" }) {
            let given = sent.first {
                $0["type"]?.stringValue?.lowercased() == "button" && $0["index"]?.stringValue == String(otp)
            }?["parameters"]?.arrayValue ?? []
            guard given.count == 1 else {
                throw graphError(400, code: 132_000, message: "(#132000) Number of parameters does not match the expected number of params",
                    details: "button at index \(otp): number of localizable_params (\(given.count)) does not match the expected number of params (1)")
            }
        }
        return TemplateSend(
            name: name, language: language, components: .array(sent), rendered: rendered, category: template["category"]?.stringValue)
    }

    /// A media or location header's one parameter, as Meta reads it: the header's format as its type (132012
    /// otherwise); a media `link` (or uploaded `id`) that is an http(s) URL (100 otherwise: Graph takes only
    /// those); a location's `latitude` and `longitude` (Meta's location templates: the place is given at send
    /// time as latitude, longitude, name and address; 132012 without them).
    private func checkHeaderParameter(_ given: [JSONValue], format: String) throws(APIError) {
        let kind = format.lowercased()
        func mismatch() -> APIError {
            graphError(400, code: 132_012, message: "(#132012) Parameter format does not match format in the created template",
                details: "header: Format mismatch, expected \(format), received \(given.first?["type"]?.stringValue?.uppercased() ?? "nothing")")
        }
        guard given.count == 1, given[0]["type"]?.stringValue == kind, let value = given[0][kind] else { throw mismatch() }
        if kind == "location" {
            // Meta's examples send them as strings; numbers are read too.
            func coordinate(_ name: String) -> Double? {
                switch value[name] {
                case .int(let number)?: Double(number)
                case .double(let number)?: number
                case .string(let text)?: Double(text)
                default: nil
                }
            }
            guard let latitude = coordinate("latitude"), let longitude = coordinate("longitude") else {
                throw graphError(400, code: 132_012, message: "(#132012) Parameter format does not match format in the created template",
                    details: "header: a location needs latitude and longitude")
            }
            guard abs(latitude) <= 90, abs(longitude) <= 180 else {
                throw graphError(400, code: 100, message: "(#100) Invalid parameter",
                    details: "header: latitude must be within -90..90 and longitude within -180..180")
            }
            return
        }
        if let link = value["link"]?.stringValue {
            let lower = link.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
                throw graphError(400, code: 100, message: "(#100) Invalid parameter",
                    details: "header: \(kind) link must be an http(s) URL")
            }
        } else if value["id"] == nil {
            throw mismatch()
        }
    }

    /// What a checked template send stores on its message.
    struct TemplateSend {
        var name: String
        var language: String
        var components: JSONValue
        var rendered: String
        /// The template's `category` (`UTILITY`, `MARKETING`, `AUTHENTICATION`): what Meta prices the message by.
        var category: String?
    }

    /// The variable names of `{{1}}`/`{{name}}` placeholders, in order of first appearance.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces
            if !name.isEmpty, !names.contains(String(name)) { names.append(String(name)) }
            rest = rest[close.upperBound...]
        }
        return names
    }

    private static func fill(_ text: String, _ values: [String: String]) -> String {
        var out = text
        for (name, value) in values { out = out.replacingOccurrences(of: "{{\(name)}}", with: value) }
        return out
    }

    private func unknownGraphObject(_ id: String) -> APIError {
        graphError(404, code: 100, type: "GraphMethodException", subcode: 33,
            message: "Unsupported get request. Object with ID '\(id)' does not exist, cannot be loaded due to missing permissions, or does not support this operation")
    }
}

extension String {
    /// Two hex digits, zero-padded.
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
