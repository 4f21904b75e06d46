internal import Foundation
public import KapsoClient

/// What an API call's error answer was, read from its HTTP status and error text: an `/api_logs` row's
/// `error_message`, or a body a user pastes. Finds a Graph code (`(#131047) ...`, a Graph error body
/// `{"error": {"code": 131047}}`), Kapso's own send refusals (kapso-api.md §9.3: 402
/// `{"error": "...", "code": "insufficient_credits", "billing_url": ...}`, 403 "Active sandbox session
/// required to send messages", 409 "Another message is already in-flight for this conversation", 422
/// `marketing_preference_stopped` / `messaging_account_mismatch`), and Meta's OAuth texts without a code
/// ("Invalid OAuth access token", "Error validating access token": Graph code 190). Texts kops cannot read
/// give nil: the caller shows them as they are.
public struct APIRefusal: Sendable, Equatable {
    /// The catalogue key: `131047`, `190`, `insufficient_credits`, `409`, `sandbox_session_required`.
    public var code: String
    /// True when the code is a Graph code (`#131047`), false for Kapso's own refusals.
    public var isGraphCode: Bool
    /// The catalogue's entry, when it knows the code (a Graph code it lacks still has a `code`).
    public var entry: ErrorCatalog.Entry?
    /// Kapso's `billing_url` (402), when the body carried one.
    public var billingURL: String?
    /// Graph's `is_transient` when the text was a Graph error body that carried it (`ErrorCatalog.transient(of:)`).
    public var transient: Bool?
    /// What the text says against the reading the call gave, added to `advice` (a send's 402 whose text names a plan).
    public var textNote: String?

    /// Reads the status and text; nil when neither names a cause kops knows. `path` is the call's (`/api_logs`'
    /// `endpoint`), when known: a 409 without a text kops knows is the send lock on a send path only, and a duplicate or
    /// conflict anywhere else (kapso-api.md §1.5 and §9.3; tester49 F6). Without a path it is read as the send lock: the
    /// live sends (`reply`) are the only callers without one.
    ///
    /// A 402 is read by the call (`paymentCode`): on a send the credits for Meta's fee, on a webhook create or update
    /// (and any other Platform API call) the plan; `method` is the call's, when known (tester62 AL15).
    public init?(status: Int?, text: String?, path: String? = nil, method: String? = nil) {
        let text = text ?? ""
        // A Graph code in a 402 names the credits on a send only (tester66b X10).
        let send = Self.paymentCode(path: path, method: method) == "insufficient_credits"
        let trimmed = text.drop { $0 == " " || $0 == "\n" }
        var body = text
        var billingURL: String?
        if trimmed.first == "{", let json = try? JSONValue.parse(Array(trimmed.utf8)) {
            billingURL = json["billing_url"]?.string
            if let code = json["code"]?.string, ErrorCatalog.entry(for: code)?.source == .kapso {
                self.init(code: code, graph: false, billingURL: billingURL)
                return
            }
            if let graph = json["error"], graph.object != nil {
                let code = graph["code"]?.string ?? graph["code"]?.int.map(String.init)
                if let code, code.allSatisfy(\.isNumber), !code.isEmpty {
                    self.init(code: code, graph: true, billingURL: nil, text: graph["message"]?.string, status: status, send: send)
                    transient = ErrorCatalog.transient(of: graph)
                    return
                }
                body = graph["message"]?.string ?? ""
            } else if let message = json["error"]?.string ?? json["message"]?.string {
                body = message
            }
        }
        if let code = Self.graphCode(in: body) {
            self.init(code: code, graph: true, billingURL: nil, text: body, status: status, send: send)
            return
        }
        // A text that is one of Kapso's codes alone (`marketing_preference_stopped`, as an API log may keep only the code).
        let word = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if !word.isEmpty, !word.contains(where: \.isWhitespace), let entry = ErrorCatalog.entry(for: word), entry.source == .kapso {
            self.init(code: entry.code, graph: false, billingURL: billingURL)
            return
        }
        let lowered = body.lowercased()
        // A plan named on a send (`POST …/{phone_number_id}/messages`): Kapso documents 402 on a send as credits, a plan
        // for webhook writes; the call decides and the line says the text disagrees (tester62b AM7).
        if status == 402, lowered.contains("requires a paid plan"), let path, Self.paymentCode(path: path, method: method) == "insufficient_credits" {
            self.init(code: "insufficient_credits", graph: false, billingURL: billingURL)
            textNote = "its text names a plan (\"requires a paid plan\"), which Kapso documents for webhook writes, not sends: "
                + "if the balance is not short, ask Kapso support which applies"
            return
        }
        if let known = Self.knownTexts.first(where: { lowered.contains($0.text) }) {
            // The text picks the entry of a code with several readings (190 "Cannot parse access token", tester51 G14).
            self.init(
                code: known.code, graph: known.code.allSatisfy(\.isNumber) && known.code != "409", billingURL: billingURL, text: body,
                status: status, send: send)
            return
        }
        // Statuses that, on Kapso, have one meaning whatever the text (kapso-api.md §9.3).
        switch status {
        case 402?:
            guard let code = Self.paymentCode(path: path, method: method) else { return nil }
            self.init(code: code, graph: false, billingURL: billingURL)
        case 409?:
            let send = path.map { SendLock.phoneNumberID(inPath: $0) != nil } ?? true
            self.init(code: send ? "409" : "conflict", graph: false, billingURL: nil)
        default: return nil
        }
    }

    /// The catalogue code of a 402 without a code or text kops knows, by the call (kapso-api.md §1.5, §3.3, §9.3):
    /// `insufficient_credits` for a send through the Meta proxy (`POST …/{phone_number_id}/messages`) and for a call whose
    /// path is not known (the live sends, `reply`); `plan_required` for any Platform API call (`/platform/v1/…`: a webhook
    /// created or changed with `project.event`, Kapso's documented case); nil for another proxy call, for which Kapso
    /// documents no 402.
    static func paymentCode(path: String?, method: String?) -> String? {
        guard let path else { return "insufficient_credits" }
        let write = method.map { $0.uppercased() == "POST" } ?? true
        if write, SendLock.phoneNumberID(inPath: path) != nil { return "insufficient_credits" }
        let segments = APIPath.segments(of: path)
        return segments.count >= 2 && segments[0] == "platform" && segments[1] == "v1" ? "plan_required" : nil
    }

    /// The entry a pasted 409 reads as, by the rule `init(status:text:path:)` reads a logged one (tester49 F6): the send
    /// lock with Kapso's "already in-flight" text or on a send path (`…/{phone_number_id}/messages`), Kapso's `conflict` on
    /// any other path (`POST /platform/v1/whatsapp/phone_numbers/…/webhooks 409`); nil when the text has neither (a bare
    /// `409`, `HTTP 409`, a 409 among listed codes: `explain 409 131047`), whose two causes only the call tells apart.
    public static func pasted409(_ text: String) -> ErrorCatalog.Entry? {
        if text.lowercased().contains("already in-flight") { return ErrorCatalog.entry(for: "409") }
        let words = text.split { $0.isWhitespace || "\"'`,;()".contains($0) }
        let path = words.lazy.compactMap { word -> Substring? in
            if word.hasPrefix("/") { return word }
            guard let scheme = word.range(of: "://") else { return nil }
            return word[scheme.upperBound...].firstIndex(of: "/").map { word[$0...] }
        }.first
        return path.flatMap { APIRefusal(status: 409, text: nil, path: String($0))?.entry }
    }

    /// `text` is Graph's message beside the code, which picks the entry of a code with several readings (2500, P37-14);
    /// `status` the HTTP status, which a Graph code answered 402 is read with (`ErrorCatalog.readByStatus`), `send` whether
    /// the call sends a message.
    private init(code: String, graph: Bool, billingURL: String?, text: String? = nil, status: Int? = nil, send: Bool = true) {
        self.code = code
        self.isGraphCode = graph
        self.entry = ErrorCatalog.entry(for: code, message: text).map { graph ? ErrorCatalog.readByStatus($0, status: status, send: send) : $0 }
        self.billingURL = billingURL
    }

    /// The code as the ERROR column shows it after the HTTP status: `#131047`, `insufficient_credits`,
    /// `send in flight` (for 409, whose code is the status itself).
    public var label: String {
        if isGraphCode { return "#" + code }
        if code == "409" { return entry?.name ?? code }
        return code
    }

    /// What it means and what to do, in one line: `name: fix` for Graph codes; Kapso's refusals say what
    /// happened too (`the Kapso balance cannot cover ...; top up ...`), with the billing URL when given.
    public var advice: String? {
        guard let entry else { return nil }
        // The call's own answer: a fix that quotes a WAMID names what identifies the request instead (tester49 L5).
        // Graph's is_transient, weighed as `explain` and `reply` weigh it (ErrorCatalog.Entry.transientNote).
        guard entry.source == .kapso else {
            return "\(entry.name): \(entry.refusedFix ?? entry.fix)" + (entry.transientNote(transient).map { "; \($0)" } ?? "")
        }
        let fix = billingURL.map { "\(entry.fix): \($0)" } ?? entry.fix
        return "\(entry.name): \(entry.meaning); \(fix)" + (textNote.map { "; " + $0 } ?? "")
    }

    /// Phrases of Kapso's and Meta's error texts that name their cause without a code, lower case. Kapso's marketing
    /// opt-out refusal is 422 `{"error": "Contact stopped marketing messages on this WhatsApp number", "code":
    /// "marketing_preference_stopped"}` (Kapso docs, Marketing opt-outs, "Blocked sends":
    /// https://docs.kapso.ai/docs/whatsapp/templates/marketing-opt-outs); a log may keep its `error` text alone (P35-8).
    static let knownTexts: [(text: String, code: String)] = [
        ("insufficient credits", "insufficient_credits"),
        // Kapso's 402 text for a webhook subscribed to project.event on a plan without it (tester62 AL15).
        ("requires a paid plan", "plan_required"),
        ("already in-flight", "409"),
        ("sandbox session required", "sandbox_session_required"),
        ("marketing preference stopped", "marketing_preference_stopped"),
        ("contact stopped marketing messages", "marketing_preference_stopped"),
        ("invalid oauth access token", "190"),
        ("error validating access token", "190"),
        ("malformed access token", "190"),
    ]

    /// `100` from `(#100) Unsupported get request`.
    static func graphCode(in message: String) -> String? {
        guard let open = message.range(of: "(#"), let close = message[open.upperBound...].firstIndex(of: ")") else { return nil }
        let code = message[open.upperBound..<close]
        return code.isEmpty || !code.allSatisfy(\.isNumber) ? nil : String(code)
    }
}
