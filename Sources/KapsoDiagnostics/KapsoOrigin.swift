public import KapsoClient

/// Where Kapso says a message came from: its `kapso.origin`, e.g. `{"kapso": {"origin": "history_sync", …}}`.
///
/// kapso-api.md §7.3 gives three values: `cloud_api` (sent or received through the API or a flow), `business_app` (an
/// echo of a message the business sent from the WhatsApp Business app, coexistence) and `history_sync` (imported
/// history). Imported history is the WhatsApp Business app's older chats that Meta sends after a coexistence onboarding
/// through its separate `history` webhook (Meta's history webhook reference: "used to synchronize the WhatsApp Business
/// app chat history of a business customer onboarded by a solution provider", messages "sent or received within 180
/// days" of the onboarding, each with only a `history_context.status`); an echo is Meta's `smb_message_echoes`
/// ("notifies you of messages sent via the WhatsApp Business app or a companion device"). Kapso's docs (docs.kapso.ai,
/// gokapso/agent-skills, read with the search tool) say nothing more of either. Every reading of the field goes
/// through `init?(_:)`, so no place reads it another way.
public enum KapsoOrigin: String, Sendable, Equatable {
    case cloudAPI = "cloud_api"
    case businessApp = "business_app"
    case importedHistory = "history_sync"

    /// The origin of `message` (a `WhatsappMessage` object); nil when `kapso.origin` is missing or another word.
    public init?(_ message: JSONObject) {
        guard let word = message["kapso"]?["origin"]?.string else { return nil }
        self.init(rawValue: word)
    }

    /// True for the two origins that did not go through the Cloud API: an app echo or imported history.
    public var isAppSide: Bool { self != .cloudAPI }
}

extension Message {
    /// `kapso.origin` read once (`KapsoOrigin`); nil when missing or unknown.
    public var kapsoOrigin: KapsoOrigin? { KapsoOrigin(json) }

    /// True when the message is imported history (`kapso.origin: history_sync`, `KapsoOrigin.importedHistory`): a copy of
    /// an older chat of the WhatsApp Business app, not a message received or sent through the Cloud API now.
    public var isImportedHistory: Bool { kapsoOrigin == .importedHistory }
}
