// MARK: - Meta entries documented on other pages

// The codes Meta documents on pages other than its error-codes page (calling, No Storage), each entry with that page as
// its `reference` (docs/error-catalogue.md says where each page was read); joined into `ErrorCatalog.meta`.
extension ErrorCatalog {
    /// Meta's Calling troubleshooting page, which also lists 131030 (public test numbers only).
    static let callingPage =
        "Meta, WhatsApp Calling troubleshooting: https://developers.facebook.com/documentation/business-messaging/whatsapp/calling/troubleshooting"
    static let noStoragePage =
        "Meta, No Storage: https://developers.facebook.com/documentation/business-messaging/whatsapp/no-storage"

    static let calling: [Entry] = [
        entry(
            "138000", "calling not enabled", "the Calling API is not enabled on this business phone number",
            "enable calling in the number's call settings", .fixFirst, nil, title: "Calling not enabled", http: 401,
            reference: callingPage),
        entry(
            "138001", "receiver uncallable",
            "the recipient cannot take calls: the number is not on WhatsApp, they have not accepted WhatsApp's latest terms, or their app is not Android, iOS or a WhatsApp Business app",
            "confirm with the recipient that they agree to be called over WhatsApp and run the latest WhatsApp", .no, nil,
            title: "Receiver Uncallable", http: 400, reference: callingPage),
        entry(
            "131044", "calling payment problem",
            "sent on a user-initiated call: the account has no valid payment method attached (Meta likens it to 131042)",
            "fix billing for the WhatsApp Business Account in Meta Business Manager, as for 131042", .fixFirst, nil,
            http: 400, reference: callingPage),
    ]

    static let noStorage: [Entry] = [
        entry(
            "131036", "not delivered to the primary device",
            "a message from a No Storage number did not reach the contact's primary device before its retention ran out; other devices may have it",
            "Meta gives no fix; send it again if the contact must see it on their phone", .unknown, nil,
            title: "Message failed to be delivered on at least one of the user's device", reference: noStoragePage),
        entry(
            "131035", "incoming webhook dropped",
            "a No Storage number's incoming-message webhook could not be delivered within the retention limit, so Meta dropped it",
            "check that the webhook endpoint takes Meta's deliveries; Meta does not retry these for 7 days", .unknown, nil,
            title: "Webhook could not be delivered within data retention limit", reference: noStoragePage),
    ]
}
