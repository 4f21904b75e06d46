// MARK: - Routes a family does not have

extension APIRoute {
    /// A path in a route family whose routes Kapso's published spec lists in full, in a form the family does not have:
    /// the route is the mistake, whatever the id in it is (probe26 P26-1: a delivery id of this project was blamed for
    /// `GET /platform/v1/webhook_deliveries/{id}`).
    public struct Unserved: Sendable, Equatable {
        /// `the delivery log has no get-one, retry or redeliver route: …` (no trailing advice about the id).
        public var line: String
        /// The id in the path, when there is one.
        public var id: String?
    }

    /// The families and their routes, from Kapso's Platform OpenAPI (`openapi-platform.yaml`, "Kapso Platform API 0.2.0";
    /// kapso-api.md §3.3–§6): `/webhook_deliveries` is `GET` (list) only, "No get-one, retry or redeliver endpoint exists
    /// (none in SPEC or any skill); redelivery = dashboard or …/test" (§4); `/api_logs` is `GET` (list) only (§5);
    /// `/log_search` is `GET`/`POST`, with `GET /log_search/catalog` (§6); a project webhook has `GET`/`PATCH`/`DELETE
    /// /whatsapp/webhooks/{id}` and `POST …/{id}/test`, nothing else below it (§3.3). Other families (phone numbers,
    /// conversations, contacts, broadcasts, flows…) have more routes than kops knows, so a path there is never called
    /// unserved. A near miss of a documented route (`nearMiss`) is read first: it names the route meant.
    ///
    /// `webhookID`: the webhook of the delivery in the path, when the caller knows it (`whois` found the delivery), for
    /// the list route to use. Nil for a path in no such family, and for a route the family has.
    public static func unserved(method: String, endpoint: String, webhookID: String? = nil) -> Unserved? {
        let segments = APIPath.segments(of: endpoint).map(String.init)
        guard segments.count >= 3, segments[0] == "platform", segments[1] == "v1" else { return nil }
        let rest = Array(segments.dropFirst(2))
        let method = method.uppercased()
        let webhook = webhookID ?? "{webhook_id}"
        let shellWebhook = webhookID ?? "WEBHOOK_ID"
        switch rest[0] {
        case "webhook_deliveries":
            guard rest.count > 1 || !["GET", ""].contains(method) else { return nil }
            let id = rest.count > 1 ? rest[1] : nil
            let redeliver = rest.count > 2 || method == "POST"
            return Unserved(
                line: "the path is not a Kapso route: the delivery log is a list only, with no get-one, retry or redeliver "
                    + "route (https://docs.kapso.ai/api/platform/v1/webhook-deliveries/list-webhook-deliveries); list a webhook's deliveries with GET /platform/v1/webhook_deliveries?webhook_id=\(webhook) "
                    + "('deliveries --webhook \(shellWebhook)')"
                    + (redeliver
                        ? "; a failed delivery is not re-sent by the API: use the Kapso dashboard, or POST "
                            + "/platform/v1/whatsapp/webhooks/\(webhook)/test to send a sample event" : "")
                    + (id != nil && webhookID == nil ? "; '\(ShellWord.command("whois", id ?? ""))' names the delivery's webhook" : ""),
                id: id)
        case "api_logs":
            guard rest.count > 1 || !["GET", ""].contains(method) else { return nil }
            return Unserved(
                line: "the path is not a Kapso route: the API log is a list only, with no get-one route (https://docs.kapso.ai/api/platform/v1/api-logs/list-api-logs); "
                    + "filter it with GET /platform/v1/api_logs?endpoint=… ('logs')",
                id: rest.count > 1 ? rest[1] : nil)
        case "log_search":
            if rest.count == 1 || rest == ["log_search", "catalog"] && ["GET", ""].contains(method) { return nil }
            return Unserved(
                line: "the path is not a Kapso route: log search is GET or POST /platform/v1/log_search and GET "
                    + "/platform/v1/log_search/catalog; 'logs search' reads it",
                id: nil)
        case "whatsapp" where rest.count >= 4 && rest[1] == "webhooks":
            guard !(rest.count == 4 && rest[3] == "test") else { return nil }
            return Unserved(
                line: "the path is not a Kapso route: a webhook has GET, PATCH and DELETE /platform/v1/whatsapp/webhooks/{id} "
                    + "and POST …/{id}/test, nothing else; its deliveries are listed with GET "
                    + "/platform/v1/webhook_deliveries?webhook_id=\(rest[2]) ('deliveries --webhook \(rest[2])')",
                id: rest[2])
        default:
            return nil
        }
    }
}
