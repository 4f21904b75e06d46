internal import Foundation
public import KapsoClient

// MARK: - What a failed call's path says, read against Kapso's routes (APIRoute)

extension IDResolver {
    /// The Graph version of Kapso's proxy base URL, `https://api.kapso.ai/meta/whatsapp/v24.0` (kapso-api.md §1.1;
    /// `META_GRAPH_VERSION` defaults to it in Kapso's own scripts, §1.2).
    static let documentedGraphVersion = GraphVersion.kapso

    /// What a 404 (or 405, or Graph's 400 "Unknown path components") means when its path is one common mistake away from a documented route (`APIRoute.nearMiss`):
    /// `did you mean POST /meta/whatsapp/v24.0/100200300400501/messages? the version segment needs a leading v (v24.0)`.
    /// A Graph-coded answer (`(#100) …`) says the call reached Meta's proxy, so a short logged Graph path is not read as
    /// one missing `/meta/whatsapp`. Nil for other statuses and paths.
    ///
    /// A path that is a documented route but for a stray character (`…/messages/`, `…/messages%0A`: `PathArtefact`) is
    /// read for it first; `history` (API logs) gives the newest 2xx call of the route without it, made before or after.
    /// A query kops reads as a mistake (`PathQuery`: a credential, one encoded into the path, or any on a send path) is
    /// next; a credential or an encoded query is read on any failed status (tester52b K2, K15).
    public static func nearMissMeaning(method: String, endpoint: String, status: Int, text: String?, history: [APILog] = []) -> String? {
        // The same path, artefact and all, answered 2xx to the same method: the artefact is not the cause (tester51b F12).
        let successes = { (wanted: String) in
            history.filter {
                (200..<300).contains($0.responseStatus) && $0.httpMethod == method
                    && APIPath.withoutQuery($0.endpoint) == APIPath.withoutQuery(wanted)
            }
        }
        // Graph answers an unknown edge `(#2500) Unknown path components: /message` with a 400.
        guard status == 404 || status == 405 || status == 400 && (text?.lowercased().contains("unknown path components") ?? false)
        else {
            // A credential in the query, or a query encoded into the path, on any other refusal (tester52b K2, K15); a 5xx
            // keeps its own reading (a write may have happened: `ServerFailure`).
            guard (400..<500).contains(status), let query = PathQuery.read(method: method, endpoint: endpoint), query.credential != nil || query.encoded
            else { return nil }
            return query.meaning(method: method, status: status, success: successes(query.cleaned).max { $0.createdAt < $1.createdAt })
        }
        if status != 400, let artefact = PathArtefact.read(endpoint), successes(endpoint).isEmpty {
            // Evidence is the same method's call of the route without it (a GET of a list says nothing of a POST: F3).
            return artefact.meaning(method: method, success: successes(artefact.cleaned).max { $0.createdAt < $1.createdAt })
        }
        // A query on a send path, or a credential in any (tester51b F4); the same call, query and all, answered 2xx makes a
        // query that carries no credential no cause (F12's rule).
        if status != 400, let query = PathQuery.read(method: method, endpoint: endpoint),
            query.credential != nil || query.encoded || !history.contains(where: { (200..<300).contains($0.responseStatus) && $0.httpMethod == method && $0.endpoint == endpoint })
        {
            return query.meaning(method: method, status: status, success: successes(query.cleaned).max { $0.createdAt < $1.createdAt })
        }
        // Only a router's bare "not found" says the call reached no API; Graph's or Kapso's own words say it did.
        let bare = (text ?? "").lowercased().filter { $0.isLetter || $0 == "<" }
        let reached = !(bare.isEmpty || bare == "notfound" || bare == "errornotfound" || bare.hasPrefix("<"))
        guard let miss = APIRoute.nearMiss(endpoint, graphAnswer: reached, method: method) else { return nil }
        return "did you mean \(method.isEmpty ? "" : method + " ")\(miss.meant)? \(miss.mistake)"
    }

    /// What a 404 (or 405) means when its path is in a route family Kapso lists in full but is none of its routes
    /// (`APIRoute.unserved`): the route is the mistake, not the id in it (probe26 P26-1). `deliveries` (those the caller
    /// read) name the webhook of a delivery id in the path. Nil for other statuses and paths.
    public static func unservedRouteMeaning(
        method: String, endpoint: String, status: Int, deliveries: [WebhookDelivery] = [], identities: [String: Identity] = [:]
    ) -> String? {
        guard status == 404 || status == 405 else { return nil }
        let segments = APIPath.segments(of: endpoint).map(String.init)
        let ids = segments.map { $0.lowercased() }
        let found = segments.lazy.compactMap { identities[$0] }.first { $0.kind == .deliveryID }
        let webhook = deliveries.first { ids.contains($0.id.lowercased()) }?.webhookID
            ?? found?.details.first { $0.label == "webhook id" }?.value
        return APIRoute.unserved(method: method, endpoint: endpoint, webhookID: webhook)?.line
    }

    /// What a 404 means when the path is a documented route (`APIRoute.documented`) and its id is this project's, of
    /// the kind the route's slot takes: the path is right, so "not an endpoint" would send the engineer to re-read a
    /// correct URL (probe13 P13-3). On the proxy, Graph's "Object with ID … does not exist, cannot be loaded due to
    /// missing permissions, or does not support this operation" for a number of the project means Meta does not give
    /// the number to its access token now (deleted, deregistered or moved to another WABA at Meta, or the token lost
    /// the permission), or Kapso no longer resolves the number (docs.kapso.ai/api-reference/meta-proxy: with X-API-Key
    /// the configuration is resolved from the id in the URL); `health` checks the number's access and token
    /// (kapso-api.md §2.3). On the platform, the object was not found when called. Nil when the route is not
    /// documented or its id is not one of the project's in its place.
    ///
    /// A proxy path on a Graph version Meta did not serve at the time of the call (`time`, Unix seconds: the call's
    /// own, else the session's clock), `v99.0` never released or `v19.0` retired, is not "right": the version is as
    /// likely a cause as the number, and kops cannot tell which from a 404 (probe21 P21-5: `health` said the number
    /// was fine while kops blamed its access). A version Meta served then (`v21.0`, `v26.0`) is no cause
    /// (`GraphVersion`, probe37 P37-9).
    ///
    /// A path below the number (`/{pnid}/messages/{wamid}`, `/phone_numbers/{pnid}/webhooks/{id}`) is about the object
    /// there, not the number (`childNotFoundMeaning`, with the answer's `text` and what `whois` found, `identities`).
    /// `status` is the HTTP status the call got (404 unless given): the line names the one the caller's logs show.
    ///
    /// When `history` (API logs) shows the same `method` on the same path answered 2xx both before and after the call
    /// (`answeredAround`), the number was reachable with its access then: the line says the 404 is not explained by a
    /// deletion or lost access, and to retry and ask Kapso support if it repeats (tester51b F4).
    public static func documentedRouteMeaning(
        _ endpoint: String, numbers: [PhoneNumber], webhooks: [Webhook], text: String? = nil, identities: [String: Identity] = [:],
        at time: Int64? = nil, status: Int = 404, method: String? = nil, history: [APILog] = []
    ) -> String? {
        // The status the caller got, as its own logs show it: Graph answers "Object with ID … does not exist" with a 400
        // (#100, subcode 33) as often as with a 404 (probe41 P41-6: "HTTP 400 … the 404 says").
        let answer = status == 404 ? "the 404" : "the \(status) answer"
        guard let route = APIRoute.documented(endpoint), let id = route.id, !numbers.isEmpty else { return nil }
        if route.child != nil, numbers.contains(where: { $0.id == id }) {
            return childNotFoundMeaning(endpoint, text: text, numbers: numbers, webhooks: webhooks, identities: identities)
        }
        if route.surface == .metaProxy, let missing = configurationNotFoundMeaning(id, numbers: numbers, text: text) { return missing }
        if route.surface == .metaProxy, let version = APIPath.segments(of: endpoint).map(String.init).first(where: APIPath.isGraphVersion),
            let problem = GraphVersion.problem(version, at: time), let number = numbers.first(where: { $0.id == id })
        {
            return "\(id) is this project's phone-number id of \(number.name ?? number.id), but the path asks \(problem): a "
                + "version Meta does not serve may answer 404 as well as a number out of reach; send the same call with "
                + "\(documentedGraphVersion) first, then 'health \(id)' checks the number's access and token"
        }
        // The same call answered 2xx before and after: no deletion or lost access explains the 404 (tester51b F4).
        let around = method.flatMap { method in
            time.flatMap { answeredAround(method: method, endpoint: endpoint, at: $0, in: history) }
        }
        let reachable = { (what: String) in
            around.map { answeredAroundMeaning(what, method: method ?? "", answers: $0, at: time ?? 0, answer: answer) }
        }
        switch (route.surface, route.slot) {
        case (.metaProxy, .phoneNumberID?):
            guard let number = numbers.first(where: { $0.id == id }) else { return nil }
            let call = route.edge.map { "/\(id)/\($0)" } ?? "/\(id)"
            let head = "\(id) is this project's phone-number id of \(number.name ?? number.id) and \(call) is a documented "
                + "proxy route, so neither is the mistake: "
            return head + (reachable("the number was reachable with its access")
                ?? "\(answer) says the number could not be reached with its access "
                + "when called; it may have been deleted, deregistered or moved to another WABA at Meta, disconnected from "
                + "Kapso, or its access token lost the permission; 'health \(id)' checks the number's access and token")
        case (.metaProxy, .wabaID?):
            // Kapso resolves a WABA route's configuration "by business account ID" (docs.kapso.ai/api-reference/meta-proxy).
            let owned = numbers.filter { $0.businessAccountID == id }
            guard let first = owned.first else { return nil }
            let call = route.edge.map { "/\(id)/\($0)" } ?? "/\(id)"
            let head = "\(id) is this project's WABA id (of \(list(owned.map { $0.name ?? $0.id }))) and \(call) is a "
                + "documented proxy route, so neither is the mistake: "
            return head + (reachable("the WABA was reachable with its numbers' access")
                ?? "\(answer) says the WABA could not be reached with its numbers' access "
                + "when called; it may have been disconnected from Kapso or moved at Meta, or the access token lost the "
                + "permission; 'health \(first.id)' checks the number's access and token")
        case (.metaProxy, .metaObject?):
            // `GET /{id}` reads any Meta object: the number itself, or its WABA.
            if let number = numbers.first(where: { $0.id == id }) {
                let head = "\(id) is this project's phone-number id of \(number.name ?? number.id) and /\(id) is a documented "
                    + "Graph read, so neither is the mistake: "
                return head + (reachable("the number was reachable with its access")
                    ?? "\(answer) says the number could not be reached with its access "
                    + "when called; it may have been deleted, deregistered or moved to another WABA at Meta, disconnected "
                    + "from Kapso, or its access token lost the permission; 'health \(id)' checks the number's access and token")
            }
            return nil
        case (.platform, .phoneNumberID?):
            guard let number = numbers.first(where: { $0.id == id }) else { return nil }
            let head = "\(id) is this project's phone-number id of \(number.name ?? number.id) and the path is a documented "
                + "route, so neither is the mistake: "
            return head + (reachable("the number was found")
                ?? "the number was not found when called (connected to the project "
                + "after the call, or removed and connected again); '\(ShellWord.command("whois", id))' shows its calls")
        case (.platform, .object?):
            return platformObjectMeaning(
                id, numbers: numbers, webhooks: webhooks, identity: identities[id], at: time, collection: APIPath.objectID(in: endpoint)?.collection)
        default:
            return nil
        }
    }

    /// What Kapso's own 404 `{"error": "WhatsApp configuration not found"}` (kapso-api.md §1.5) means on a proxy route
    /// whose id is this project's phone-number or WABA id: with X-API-Key, Kapso resolves the WhatsApp configuration from
    /// the id in the URL, by phone-number id or by business account id (docs.kapso.ai/api-reference/meta-proxy), so it
    /// found none for a number `numbers` lists: the id and the route are right, Kapso's record of the number is not
    /// there now. Why (disconnected, being deleted) the answer does not say. Nil for other texts and ids.
    static func configurationNotFoundMeaning(_ id: String, numbers: [PhoneNumber], text: String?) -> String? {
        guard let text, text.lowercased().contains("whatsapp configuration not found") else { return nil }
        let what: String
        let number: PhoneNumber
        if let found = numbers.first(where: { $0.id == id }) {
            (what, number) = ("this project's phone-number id of \(found.name ?? found.id)", found)
        } else if let found = numbers.first(where: { $0.businessAccountID == id }) {
            let owned = numbers.filter { $0.businessAccountID == id }
            (what, number) = ("this project's WABA id (of \(list(owned.map { $0.name ?? $0.id })))", found)
        } else {
            return nil
        }
        return "Kapso found no WhatsApp configuration for \(id), \(what), which it resolves from the id in the path: the id "
            + "and the route are right, Kapso has no record of the number's connection now (disconnected, or being deleted?); "
            + "'numbers' shows whether it is still listed and 'health \(number.id)' its connection; if both look fine, "
            + "ask Kapso support"
    }

    /// What a 404 on a Meta-proxy path means when an id in it is one of Kapso's own (a number's `internal_id`, a customer
    /// id, a webhook id): the proxy takes Meta's ids only (kapso-api.md §0.6; docs.kapso.ai/api-reference/meta-proxy), so
    /// the Kapso id is the mistake wherever it stands, e.g. `a1c2… is Kapso's id (internal_id, whatsapp_config_id) of
    /// Support Line (+1 415-555-0100), a Kapso id: Kapso's proxy paths take Meta's ids only; use 100200300400501`. Nil for
    /// other paths and ids.
    public static func kapsoIDInProxyPath(_ endpoint: String, numbers: [PhoneNumber], webhooks: [Webhook]) -> String? {
        guard APIRoute.graphRest(APIPath.segments(of: endpoint).map(String.init)) != nil else { return nil }
        let proxy = "a Kapso id: Kapso's proxy paths take Meta's ids only (a phone-number, WABA, media or template id)"
        for id in APIPath.ids(in: endpoint) {
            if let misplaced = misplacedPhoneNumberID(id, numbers: numbers), [.kapsoPhoneNumberID, .customerID].contains(misplaced.kind) {
                return misplaced.statement + ", " + proxy + "; " + misplaced.fix(command: "use")
            }
            if let webhook = webhooks.first(where: { $0.id.lowercased() == id.lowercased() }) {
                return "\(id) is the id of the \(webhook.kind) webhook to \(WebhookURL.short(webhook.url)), " + proxy
            }
        }
        return nil
    }

    /// What a Graph refusal `Tried accessing nonexisting field (EDGE) on node type (TYPE)` (code 100) means: the id in
    /// the path is of another kind than the edge takes, not a payload fault (a GET has none; probe13 P13-5). An edge
    /// of the WABA (`message_templates`, kapso-api.md §14.3: template CRUD takes the WABA id) on a
    /// `WhatsAppBusinessPhoneNumber` → the number's WABA id, which `numbers` knows: `message_templates is an edge of
    /// the WABA, not of a phone number: use /200300400500601/message_templates (the WABA of Support Line)`; an edge of a
    /// phone number (`messages`) on a `WhatsAppBusinessAccount` → its numbers' ids. Any other edge and node: the
    /// edge's name (with the one it may have meant). Nil when the text is no such refusal.
    public static func nodeTypeMeaning(_ endpoint: String, text: String?, numbers: [PhoneNumber]) -> String? {
        guard let text, let field = between(text, "nonexisting field (", ")"), let node = between(text, "on node type (", ")")
        else { return nil }
        let id = APIPath.graphObject(in: endpoint)?.id
        if APIRoute.wabaEdges.contains(field), node == "WhatsAppBusinessPhoneNumber" {
            let head = "/\(field) is an edge of the WABA, not of a phone number (Graph: no field \(field) on \(node))"
            if let id, let number = numbers.first(where: { $0.id == id }), let waba = number.businessAccountID {
                return head + ": use /\(waba)/\(field) (the WABA of \(number.name ?? number.id))"
            }
            return head + ": use the WABA id ('numbers' shows each number's WABA id)"
        }
        if APIRoute.phoneNumberEdges.contains(field), node == "WhatsAppBusinessAccount" {
            let head = "/\(field) is an edge of a phone number, not of the WABA (Graph: no field \(field) on \(node))"
            let owned = numbers.filter { $0.businessAccountID == id }
            return head + (owned.isEmpty ? ": use a phone-number id ('numbers' lists them)" : ": " + pick(owned, command: "use"))
        }
        let meant = APIRoute.closest(field, among: APIRoute.phoneNumberEdges.union(APIRoute.wabaEdges)).map { "; did you mean /\($0)?" }
        return "Graph has no field \(field) on a \(node): the path's edge or id is wrong, not the payload" + (meant ?? "")
    }

    /// The newest call answered 2xx whose path has `id` as a segment, made before `time` (ISO-8601; nil: any time), from
    /// `history` (API logs of the last 30 days): evidence that the id worked for the project's keys once. Nil when none.
    public static func lastSuccess(of id: String, in history: [APILog], before time: String?) -> APILog? {
        history.filter { log in
            (200..<300).contains(log.responseStatus) && APIPath.segments(of: log.endpoint).contains { $0 == id }
                && (time.map { log.createdAt < $0 } ?? true)
        }.max { $0.createdAt < $1.createdAt }
    }

    /// The statement for a phone-number id that is not the project's now but whose calls succeeded earlier (probe13
    /// P13-4): `100200300400503 is not a number of this project now, but key backend-prod's POST …/messages was
    /// answered 200 at 2026-11-19T09:00:00Z: the number was likely removed from this project since (or deleted or
    /// disconnected at Meta)`. "Wrong project or key" is the unlikely story when the same project's key used it.
    /// An id the success used in a WABA slot (`/{id}/message_templates`) is named a WABA: `… is not a WABA of this project
    /// now, … the WABA (its numbers) was likely removed …`.
    public static func formerNumberStatement(_ id: String, success: APILog) -> String {
        let key = success.apiKeyName.map { "key \($0)'s " } ?? "a "
        let route = APIRoute.documented(success.endpoint)
        let waba = route?.id == id && route?.slot == .wabaID
        return "\(id) is not \(waba ? "a WABA" : "a number") of this project now, but \(key)\(success.httpMethod) "
            + "\(success.endpoint) was answered \(success.responseStatus) at \(success.createdAt): the "
            + (waba ? "WABA (its numbers)" : "number") + " was likely removed from this project since (or deleted or "
            + "disconnected at Meta)"
    }

    /// `a` in `…(a)…` after `open`; nil when absent.
    private static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let start = text.range(of: open), let end = text[start.upperBound...].range(of: close) else { return nil }
        let found = String(text[start.upperBound..<end.lowerBound])
        return found.isEmpty ? nil : found
    }
}
