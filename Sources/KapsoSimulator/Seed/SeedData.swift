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
    /// How simulated (non-loopback) receivers answer, by webhook URL; unlisted URLs answer 200.
    var receiverOutcomes: [String: DeliveryOutcome] = [:]
    /// The next numeric message id (the cursor's second column for messages).
    var nextMessageSequence = 1
}
