/// A WhatsApp business number in the project. `id` is Meta's phone_number_id (digits).
public struct PhoneNumber: Sendable {
    /// The API's object as received.
    public let json: JSONObject

    public init(json: JSONObject) throws(KapsoAPIError) {
        try RequiredField.check([.string("id")], in: json, of: "phone number")
        self.json = json
    }

    public var id: String { json["id"]?.string ?? "" }
    public var name: String? { json["name"]?.string }
    public var displayPhoneNumber: String? { json["display_phone_number"]?.string }
    /// Digits of the display number, from `display_phone_number_normalized` or derived.
    public var normalizedDisplayNumber: String {
        json["display_phone_number_normalized"]?.string ?? (displayPhoneNumber ?? "").filter(\.isNumber)
    }
    public var verifiedName: String? { json["verified_name"]?.string }
    public var qualityRating: String? { json["quality_rating"]?.string }
    public var status: String? { json["status"]?.string }
    public var webhookVerifiedAt: String? { json["webhook_verified_at"]?.string }
    public var isCoexistence: Bool { json["is_coexistence"]?.bool ?? false }
    /// True when WhatsApp calling is on for the number (`calls_enabled`, kapso-api.md §2.1); false when off or not sent.
    public var callsEnabled: Bool { json["calls_enabled"]?.bool ?? false }
    /// The WhatsApp Business Account (WABA) id the number belongs to (kapso-api.md §2.1).
    public var businessAccountID: String? { json["business_account_id"]?.string }
    /// Kapso's UUID of the number (`internal_id`; `whatsapp_config_id` in deliveries and v1 payloads).
    public var internalID: String? { json["internal_id"]?.string }
    public var customerID: String? { json["customer_id"]?.string }

    /// `100200300400501 (+1 415-555-0100, Support Line)`, for lists in error messages.
    public var label: String {
        let extra = [displayPhoneNumber, name].compactMap { $0 }
        return extra.isEmpty ? id : "\(id) (\(extra.joined(separator: ", ")))"
    }
}

extension KapsoAPIError {
    /// A body of the wrong shape, read where the status is not at hand: said as a 200 until `answered` puts in the status
    /// that came back.
    static func badShape(_ detail: String) -> KapsoAPIError {
        .badResponse(status: 200, detail: detail, firstBytes: "")
    }

    /// This error, for a response that came back with `status`: a shape error (`badShape`, said as a 200) gets the real
    /// status, e.g. a 206 whose body has no `data` array (probe18 P18-16); anything else is returned as it is.
    public func answered(_ status: Int) -> KapsoAPIError {
        guard case .badResponse(200, let detail, let firstBytes) = self, status != 200 else { return self }
        return .badResponse(status: status, detail: detail, firstBytes: firstBytes)
    }
}
