public import KapsoClient
public import KapsoDiagnostics

/// What the shell remembers between commands; the REPL loop owns the one instance.
public struct Session: Sendable {
    /// Host only, e.g. `https://api.kapso.ai`.
    public var baseURL: String
    /// Profile name shown in the prompt and transcripts.
    public var profile: String
    /// The selected number (Meta phone_number_id), used by commands that need one.
    public var phoneNumberID: String?
    public var output: OutputMode
    /// The last list shown, so `next` can fetch its following page.
    public var lastList: ListCursor?
    public var lastWebhookID: String?
    /// The WAMID `trace` and `reply` use when none is given (set by `message`, `trace`, `reply`).
    public var lastMessageID: String?
    /// The conversation `reply` writes to when no message is remembered (set by `conversation`, `message`).
    public var lastConversationID: String?
    /// Named values set with `set` or `capture`.
    public var variables: [String: String] = [:]
    /// Where each connection setting came from (`api` → `env KAPSO_API_BASE_URL`), shown by `state`.
    public var sources: [String: String] = [:]

    public init(baseURL: String, profile: String = "default", phoneNumberID: String? = nil, output: OutputMode = .table) {
        self.baseURL = baseURL
        self.profile = profile
        self.phoneNumberID = phoneNumberID
        self.output = output
    }

    /// The selected number, or the error that says how to select one.
    public func requirePhoneNumber() throws(ShellError) -> String {
        guard let id = phoneNumberID else { throw .noPhoneNumberSelected }
        return id
    }

    /// `kops(default:…0501)> `: profile and the last four digits of the selected number.
    public var prompt: String {
        let number = phoneNumberID.map { ":…" + VisibleText.escaped($0.suffix(4)) } ?? ""
        return "kops(\(profile)\(number))> "
    }
}

/// How results are printed: `table` (the human view) or `json` (the API's JSON).
public enum OutputMode: String, Sendable, CaseIterable {
    /// Tables fitted to the terminal.
    case table
    /// The API's JSON.
    case json
    /// One field per line for every row, like psql's `\x`.
    case expanded
    /// Tables, switching to expanded when a table would not fit the terminal.
    case auto
}

/// Enough to fetch the page after the last list shown.
public struct ListCursor: Sendable {
    public var source: ListSource
    /// Query items for the next page.
    public var nextQuery: [(String, String)]
    /// The profile, API and number the list was fetched under: `next` continues it only under the same
    /// (`Session.listScope(for:)`).
    public var scope: ListScope
    /// How its page was laid out on the terminal (`Shell.show` sets it), for `next` to keep.
    public var layout: ListLayout?
    /// The `after` cursors `next` has paged this list with so far (tester61 AJ4: one handed back again is a loop).
    public var given: [String] = []

    public init(source: ListSource, nextQuery: [(String, String)], scope: ListScope) {
        self.source = source
        self.nextQuery = nextQuery
        self.scope = scope
    }
}

/// Which list a cursor continues.
public enum ListSource: Sendable {
    case phoneNumbers
    case webhooks(KapsoClient.WebhookScope, filters: [(String, String)])
    /// `messages` with the API query filters it was given, and the contact's digits its rows are kept for (the query
    /// asked for a Brazilian or Mexican number's search key, which other contacts' numbers may end with).
    /// `earlier`: the contact's edits and withdrawals read on the pages before (`MessageChange.byOriginal`), by the
    /// changed message's WAMID: an original lists after its edit (newest first), so its mark needs the page before
    /// (tester47 L2).
    case messages(filters: [(String, String)], limit: Int, contact: String? = nil, earlier: [String: [MessageChange]] = [:])
    /// `conversations` with the API query filters it was given, and the contact's digits its rows are kept for (as
    /// for `messages`).
    case conversations(filters: [(String, String)], limit: Int, contact: String? = nil)
    /// `deliveries` with the API query filters it was given.
    case deliveries(filters: [(String, String)], limit: Int)
    /// `logs` with the API query filters it was given.
    case apiLogs(filters: [(String, String)], limit: Int)
    /// `templates` of a WABA with the Graph query filters it was given.
    case templates(businessAccountID: String, filters: [(String, String)], limit: Int)
    /// `logs search` with its search (without a cursor).
    case logSearch(LogSearchQuery)

    /// The command that shows this list, for `state`.
    public var command: String {
        switch self {
        case .phoneNumbers: "numbers"
        case .webhooks(.project, _): "webhooks --scope project"
        case .webhooks: "webhooks"
        case .messages: "messages"
        case .conversations: "conversations"
        case .deliveries: "deliveries"
        case .apiLogs: "logs"
        case .templates: "templates"
        case .logSearch: "logs search"
        }
    }
}
