/// Everything a seed puts in a fresh simulator: the project's resources as served JSON plus ordering keys.
struct SeedData: Sendable {
    var projectID = "5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21"
    var phoneNumbers: [Record] = []
    /// Health documents by phone-number id; `timestamp` is filled in per request.
    var health: [String: JSONObject] = [:]
    var webhooks: [Record] = []
    var conversations: [Record] = []
    var messages: [Record] = []
    var deliveries: [Record] = []
    var apiLogs: [Record] = []
    /// Message templates of every WABA; `business_account_id` in each says whose (stripped when served).
    var templates: [Record] = []
    /// Marketing preferences by `preferenceKey(contact:phoneNumberID:)`; absent means subscribed.
    var marketingPreferences: [String: JSONObject] = [:]
    /// A public test number's allowed list (Meta's "To" list under API Setup), by phone-number id: digits with the
    /// country code. A send from a number listed here to any other `to` is refused with Graph error 131030; numbers not
    /// listed here send to anyone. Neither Kapso nor Graph serves the list, so it is seed-only (`allowed_recipients`).
    var allowedRecipients: [String: Set<String>] = [:]
    /// How simulated (non-loopback) receivers answer, by webhook URL; unlisted URLs answer 200.
    var receiverOutcomes: [String: DeliveryOutcome] = [:]
    /// The next numeric message id (the cursor's second column for messages).
    var nextMessageSequence = 1
    /// What is wrong with a seed file that still loads, one line each (an id listed twice); logged at start.
    var warnings: [String] = []
}

extension SeedData {
    /// `14155550142|100200300400501`: a contact's digits and the business number, the scope of a preference.
    static func preferenceKey(contact: String, phoneNumberID: String) -> String {
        contact + "|" + phoneNumberID
    }
}
