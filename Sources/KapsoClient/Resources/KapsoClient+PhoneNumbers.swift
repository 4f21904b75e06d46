extension KapsoClient {
    /// `GET /whatsapp/phone_numbers` (page style).
    public func phoneNumbers(page: Int = 1, perPage: Int = 20) throws(KapsoAPIError) -> Page<PhoneNumber> {
        try perform(platformRequest("/whatsapp/phone_numbers", query: [("page", String(page)), ("per_page", String(perPage))])) {
            json throws(KapsoAPIError) in try Page.decode(json, item: PhoneNumber.init(json:))
        }
    }

    /// Every phone number of the project, following pages (100 a page, at most 100 pages). `first`: the first page when
    /// it was read already (asked with `per_page` 100), so it is not asked again.
    public func allPhoneNumbers(after first: Page<PhoneNumber>? = nil) throws(KapsoAPIError) -> [PhoneNumber] {
        let first = if let first { first } else { try phoneNumbers(page: 1, perPage: 100) }
        return try first.withLaterPages { page throws(KapsoAPIError) in
            try phoneNumbers(page: page, perPage: 100)
        }
    }

    /// `GET /whatsapp/phone_numbers/{id}`; a 404 becomes `phoneNumberNotFound` with the project's ids.
    public func phoneNumber(_ id: String) throws(KapsoAPIError) -> PhoneNumber {
        try explainingMissingNumber(id) { () throws(KapsoAPIError) in
            try perform(platformRequest("/whatsapp/phone_numbers/\(percentEncode(id))")) { json throws(KapsoAPIError) in
                guard let object = json["data"]?.object else { throw .badShape(KapsoAPIError.noData("phone number")) }
                return try PhoneNumber(json: object)
            }
        }
    }

    /// `GET /whatsapp/phone_numbers/{id}/health` (a bare object, no `data`).
    public func health(_ id: String) throws(KapsoAPIError) -> PhoneNumberHealth {
        try explainingMissingNumber(id) { () throws(KapsoAPIError) in
            try perform(platformRequest("/whatsapp/phone_numbers/\(percentEncode(id))/health")) { json throws(KapsoAPIError) in
                guard let object = json.object else { throw .badShape("health response that is not an object") }
                return try PhoneNumberHealth(json: object)
            }
        }
    }

    /// Runs a call about one number; on 404 lists the project's numbers so the error can name them (a `notFound` that
    /// says the id is in the list, with the server's text, when it is: then the 404 means something else). When that
    /// list answers 404 too, its error is thrown: every project has the list, so the host is wrong, not the id.
    func explainingMissingNumber<T>(_ id: String, _ call: () throws(KapsoAPIError) -> T) throws(KapsoAPIError) -> T {
        do throws(KapsoAPIError) {
            return try call()
        } catch .notFound(let path, let message) {
            let known = try listAfterNotFound { () throws(KapsoAPIError) in try allPhoneNumbers() }
            // The list has the id: the 404 is not "not in this project" (P16-3); the server's text says what it is.
            if let number = known.first(where: { $0.id == id }) {
                throw .notFound(
                    path: path,
                    message: "\(number.label) is in this project's list of numbers, yet this call answered 404"
                        + (message.isEmpty ? "" : " (\(message))")
                        + "; the number may be removed or disconnected on Meta's side, or the route is not served: "
                        + (path.hasSuffix("/health") ? "'numbers' shows Kapso's record of it" : "'numbers' and 'health' show its state"))
            }
            throw .phoneNumberNotFound(id: id, known: known)
        }
    }

    /// The list `read` gives after an object's 404, to name what exists; empty when it fails, except that its own 404
    /// (or a 404 page) is thrown: a list every Kapso API has is not missing, the base URL is (kapso-api.md §2.1, §3.3).
    func listAfterNotFound<T>(_ read: () throws(KapsoAPIError) -> [T]) throws(KapsoAPIError) -> [T] {
        do throws(KapsoAPIError) {
            return try read()
        } catch {
            switch error {
            case .notFound, .badResponse(404, _, _): throw error
            default: return []
            }
        }
    }
}
