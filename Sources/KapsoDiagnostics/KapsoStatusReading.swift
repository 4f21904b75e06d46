internal import Foundation
public import KapsoClient

/// What an HTTP status from Kapso means without a Graph code (`explain 404`, `explain 'GET /… 404'`), and what Kapso's
/// own error body says (`{"error": "<text>"}` or `{"errors": {"field": ["msg"]}}`, kapso-api.md §1.5): the meaning and,
/// where the status or text has several causes kops cannot tell apart from it alone, each cause with the check that
/// tells it (probe37 P37-17: "404 on every call means a wrong base URL" stated one cause of several; P37-8: Kapso's
/// documented 404 body was refused as no error code).
public struct KapsoStatusReading: Sendable, Equatable {
    /// One cause the status cannot rule out, and what tells it.
    public struct Cause: Sendable, Equatable {
        public var cause: String
        public var check: String
    }

    /// The HTTP status, when pasted or implied by a documented text; nil for a Kapso body with an unknown text.
    public var status: Int?
    /// Kapso's own text, as its body gave it (cut to 200 characters).
    public var kapsoText: String?
    public var meaning: String
    /// Empty when the status or text names one cause.
    public var causes: [Cause]
    public var todo: String

    /// Reads a pasted status (`404`, with a path whose id is `id`) or Kapso's body text, with the `message` beside it
    /// (`kapsoMessage`, shown after the text; a 429's names the wait); nil for a status that is no 4xx/5xx and no Kapso
    /// text. `page` is the HTML error page a proxy answered the status with (tester50 N3). `call` is what the pasted line
    /// says the call was: a 5xx or 499 on a send leaves its outcome unknown, on a read it can be retried (tester59b AG21).
    public init?(
        status: Int?, kapsoText: String? = nil, kapsoMessage: String? = nil, id: String? = nil, page: ProxyPage? = nil,
        call: PastedCall? = nil
    ) {
        func cut(_ text: String) -> String { text.count > 200 ? String(text.prefix(200)) + "…" : text }
        let text = kapsoText.map(cut)
        let implied = status ?? text.flatMap(Self.documentedStatus(of:))
        if let implied, !(400...599).contains(implied) { return nil }
        guard implied != nil || text != nil else { return nil }
        self.status = implied
        self.kapsoText = text.map { text in kapsoMessage.map { text + ": " + cut($0) } ?? text }
        let whois = id.map { "'\(ShellWord.command("whois", $0))' says what \($0) is" }
        if let page, let implied {
            (meaning, causes, todo) = (page.meaning(status: implied), [], page.todo(status: implied))
            return
        }
        (meaning, causes, todo) = Self.read(status: implied, text: text?.lowercased() ?? "", whois: whois, call: call)
        if implied == 429, let wait = kapsoMessage.flatMap(Self.wait(in:)) {
            todo = "wait the Retry-After seconds (the message says \(wait)) and send less often"
        }
    }

    /// True for a 4xx status HTTP defines (RFC 9110 and the registered additions, `PastedDeliveryStatus.httpStatuses`),
    /// and for every 5xx (gateways answer their own): a pasted number outside them is no HTTP answer's (tester68 A5).
    public static func isDefined(_ status: Int) -> Bool {
        status >= 500 || PastedDeliveryStatus.httpStatuses.contains(status)
    }

    /// The wait a 429's message names (`retry in 10 s`, `Retry after 60 seconds`, `try again in 2 minutes`) as `10 s` or
    /// `2 min`; nil when it names none.
    static func wait(in message: String) -> String? {
        let lowered = message.lowercased()
        for phrase in ["retry in ", "retry after ", "try again in ", "try again after ", "wait "] {
            guard let range = lowered.range(of: phrase) else { continue }
            let digits = lowered[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { continue }
            let unit = lowered[range.upperBound...].dropFirst(digits.count).drop { $0 == " " }
            return String(digits) + (unit.hasPrefix("m") && !unit.hasPrefix("ms") ? " min" : unit.hasPrefix("ms") ? " ms" : " s")
        }
        return nil
    }

    /// The status Kapso answers a documented text with (kapso-api.md §1.5): 404 "WhatsApp phone number not found or not
    /// accessible in this project", "WhatsApp contact not found", "WhatsApp configuration not found"; 401 "Invalid API
    /// key" (the simulator's; Kapso's exact text is not published); 422 "Conversation already has an active assignment"
    /// and the `{"errors": {…}}` family; 429 "Rate limit exceeded". Nil for other texts.
    public static func documentedStatus(of text: String) -> Int? {
        let lowered = text.lowercased()
        if lowered.contains("not found") { return 404 }
        if lowered.contains("invalid api key") { return 401 }
        if lowered.contains("already has an active assignment") { return 422 }
        if lowered.contains("rate limit exceeded") { return 429 }
        if lowered.contains("contains unsupported events") { return 422 }
        return nil
    }

    /// Kapso's own text in a body, `{"error": "<text>"}` or `{"errors": {"url": ["is invalid"]}}` (as `url is invalid`),
    /// nil for any other JSON (a Graph error object).
    public static func kapsoText(in json: JSONValue) -> String? {
        if let text = json["error"]?.string { return text }
        // Kapso's legacy paging refusal, `{"message": "...", "detail": "..."}` (kapso-api.md §1.5): no Graph field beside it.
        if json["error"] == nil, json["code"] == nil, json["type"] == nil, let text = json["message"]?.string { return text }
        guard let fields = json["errors"]?.object, !fields.isEmpty else { return nil }
        return fields.keys.sorted().map { key in
            let said = fields[key]?.array?.compactMap(\.string) ?? fields[key]?.string.map { [$0] } ?? []
            return said.isEmpty ? key : said.map { "\(key) \($0)" }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    /// The words beside Kapso's text: the `message` of `{"error": text, "message": …}` (its 429, kapso-api.md §1.5), or
    /// the `detail` of the legacy `{"message", "detail"}`; nil when there are none.
    public static func kapsoMessage(in json: JSONValue) -> String? {
        json["error"]?.string != nil ? json["message"]?.string ?? json["detail"]?.string : json["detail"]?.string
    }

    private static func read(status: Int?, text: String, whois named: String?, call: PastedCall?) -> (String, [Cause], String) {
        let whois = named ?? "'whois ID' says what the id is"
        let unfilled = Cause(
            cause: "the id was never filled in (/v24.0//messages, /undefined/messages: an unset variable)",
            check: "the path as the caller built it; 'errors' reads each failed path")
        let kind = Cause(
            cause: "the id is another kind (a WABA id, display number or Kapso's UUID where the phone-number id goes; Meta's "
                + "business or app id where the WABA id goes)",
            check: "\(whois) and which id to use")
        let project = Cause(
            cause: "the number is another project's (the caller's key is not this project's), or was deleted or disconnected since",
            check: "'numbers' with the caller's key lists the ids it can see; 'errors' says when an id last worked")
        if status == 404, let found = notFound(text, whois: whois) { return found }
        switch (status, text) {
        case (_, let text) where ProjectRefusal.says(text):
            return (ProjectRefusal.pastedMeaning, [], ProjectRefusal.pastedTodo(whois: whois))
        case (404?, let text) where text.contains("phone number not found"):
            return (
                "Kapso's 404 for a phone-number id this key's project cannot see; the text alone "
                    + "cannot tell which of these it was", [kind, project, unfilled], "\(whois); 'errors' groups such calls")
        case (404?, let text) where text.contains("contact not found"):
            return (
                "Kapso's 404 for a contact this project does not have",
                [Cause(cause: "the number is written in another form than the contact's wa_id (Argentina's 9, Mexico's 1)",
                    check: "'whois NUMBER' finds the contact under its other forms"),
                 Cause(cause: "the contact never wrote to this project's numbers, or is another project's",
                    check: "'conversations' lists this project's contacts")],
                "'whois NUMBER' says whether the contact is this project's")
        case (404?, let text) where text.contains("configuration not found"):
            return (
                "Kapso's 404 when it holds no WhatsApp configuration for the id", [kind, project],
                "\(whois); 'health' shows whether the number is still connected")
        case (404?, _):
            let route = Cause(
                cause: "the route is not Kapso's (the legacy prefix /api/meta/…, a Graph version Meta has retired, a misspelled "
                    + "edge) or the base URL is wrong",
                check: "'errors' names the part of each failed path; kops's own start-up check says when a base URL answers "
                    + "404 to the list of numbers")
            return (
                "HTTP 404 from Kapso: nothing this key's project can reach has the path; the status alone cannot tell which "
                    + "of these it was", [kind, unfilled, project, route],
                "'errors' reads each failed call's path and names which it is; \(whois)")
        case (402?, _):
            // Kapso documents two 402s (kapso-api.md §1.5, §9.3): a send through the Meta proxy its credits cannot pay
            // Meta's fee for (`code: insufficient_credits`, with `billing_url`; Kapso, "How billing works",
            // docs.kapso.ai/docs/platform/tech-providers/billing: Meta's fees come out of the project's prepaid credits),
            // and a Platform API feature the plan lacks (a webhook subscribed to `project.event`). Tester47 L12.
            return (
                "HTTP 402 from Kapso: payment required; Kapso documents two causes, told apart by the call",
                [Cause(
                    cause: "a send through the Meta proxy (POST …/{phone_number_id}/messages): the project's Kapso credits cannot "
                        + "cover Meta's fee for the message (code insufficient_credits, with a billing_url)",
                    check: "the body's code; 'explain insufficient_credits'; add credits in Kapso's billing settings"),
                 Cause(
                    cause: "a webhook created or changed on the Platform API (POST/PATCH /whatsapp/webhooks) with an event the "
                        + "project's plan does not include (project.event)",
                    check: "the webhook's events: drop project.event, or move to a plan that has it ('explain plan_required')")],
                "'errors' shows each 402 with its path and text")
        case (409?, _):
            // Kapso documents two 409s (tester49 F6): the Meta proxy's per-conversation send lock (§9.3, its text
            // "Another message is already in-flight for this conversation. Please retry shortly.") and the Platform API's
            // duplicate or conflict (§1.5), where a retry as sent meets the same state.
            return (
                "HTTP 409 from Kapso: a conflict; Kapso documents two causes, told apart by the call",
                [Cause(
                    cause: "a send through the Meta proxy (POST …/{phone_number_id}/messages): another send to the same "
                        + "conversation is in progress (Kapso's send lock, text \"Another message is already in-flight …\")",
                    check: "the path and text; retry the send in a moment ('explain' of the text says more)"),
                 Cause(
                    cause: "any other Platform API call: a duplicate of something that exists or a conflict with the "
                        + "resource's current state (the error text says which; a webhook URL that already exists)",
                    check: "the error text; look the resource up ('webhooks list') and change it instead of creating it again")],
                "'errors' shows each 409 with its path and text")
        case (401?, _):
            return ("HTTP 401 from Kapso: the API key was refused", [], "check the key the caller sends ('state' shows which kops uses)")
        case (429?, _):
            return ("HTTP 429 from Kapso: rate limited", [], "wait the Retry-After seconds and send less often")
        case (_, let text) where WebhookEvents.unsupportedReading(text) != nil:
            let events = WebhookEvents.unsupportedReading(text)
            return ("HTTP 422 from Kapso: \(events?.meaning ?? "")", [], events?.fix ?? "")
        case (400?, _), (422?, _):
            // An id to look up only when one was pasted (tester59b AG8: "'whois ID' says what the id is" beside a text
            // that names none).
            let said = text.isEmpty ? "read the error text beside it" : "Kapso's text says what: fix that"
            return ("HTTP \(status ?? 422) from Kapso: the request was refused as written", [], said + (named.map { "; \($0)" } ?? ""))
        case (403?, _):
            // kapso-api.md §1.5 (403 "forbidden, e.g. sandbox config on media") and §9.3 (a sandbox number's send to a
            // recipient without an active sandbox session, a third-party observation). No file name in the user's text
            // (tester60 AH10: kapso-api.md is kops's own notes).
            let todo = text.isEmpty
                ? "read the error text beside it: it names what is not allowed"
                : "Kapso's text above names what is not allowed: change that, or use a key or number that may do it"
            return (
                "HTTP 403 from Kapso: forbidden: the key was accepted, but this call is not allowed for it (such as a sandbox "
                    + "number's limits: a send to a recipient without an active sandbox session)",
                [], todo)
        case (let status?, _) where HTTPStatusMeaning(status, call: call) != nil:
            // A status whose cause is its own name, read as `errors` reads it (tester59 AF11).
            let known = HTTPStatusMeaning(status, call: call)
            return (known?.meaning ?? "", [], known?.todo ?? "")
        case (let status?, _) where status >= 500:
            return gatewayFailure(status, call: call)
        case (let status?, "") where !Self.isDefined(status):
            // A bare number HTTP does not define (tester68 A5: `explain 471` read "HTTP 471 from Kapso: the request was
            // refused"). The older WhatsApp Business (On-Premises) API used such numbers as error codes: Twilio's table of
            // WhatsApp codes (twilio.com/docs/whatsapp/tutorial/error-codes) lists 470, 471 and 472 (471 beside its rate
            // limit error 63018); kops's catalogue holds 470 only (`ErrorCatalog.legacy`).
            return (
                "\(status) is no status HTTP defines, so no API answered it as one: if it came from a message's status or "
                    + "error, it is a WhatsApp error code kops's catalogue does not hold (the older WhatsApp Business API "
                    + "used numbers such as 470–472 as error codes)", [],
                "look the code up in Meta's error codes (\(ErrorCatalog.metaReference)) or your provider's table of "
                    + "WhatsApp codes; if an HTTP answer carried it, read the body beside it")
        case (let status?, _):
            let said = text.isEmpty ? "read the error text beside it" : "Kapso's text above says why"
            return ("HTTP \(status) from Kapso: the request was refused", [], said + (named.map { "; \($0)" } ?? ""))
        case (nil, _):
            return (
                "Kapso's error body with a text kops does not know; the HTTP status "
                    + "beside it says what kind of refusal it is", [],
                "paste the status with it ('explain 404 …', 'explain 422 …'), or read the call in 'errors'")
        }
    }
}
