// MARK: - Webhook deliveries and API logs

extension SimulatorState {
    /// `GET /webhook_deliveries`: cursor style, newest first, filtered by `status`, `event`, `webhook_id`,
    /// `errors_only` and `period`.
    func listDeliveries(_ request: APIRequest, now: Timestamp) throws(APIError) -> APIResponse {
        let query = request.query
        let mode = try CursorQuery.parse(query)
        let since = try periodStart(query, now: now)
        let errorsOnly = try boolFilter(query, "errors_only") ?? false
        if let status = query["status"], !["pending", "delivered", "failed"].contains(status) {
            throw .badRequest("Invalid status parameter")
        }
        // The spec types `webhook_id` as a UUID.
        if let webhookID = query["webhook_id"], !IDGenerator.isUUID(webhookID) {
            throw .badRequest("Invalid webhook_id parameter: expected a webhook UUID")
        }
        return CursorQuery.response(deliveries, mode: mode, column: "created_at", request: request, since: since) {
            record in
            let json = record.json
            if let status = query["status"], json["status"]?.stringValue != status { return false }
            if let event = query["event"], json["event"]?.stringValue != event { return false }
            if let webhookID = query["webhook_id"], json["webhook_id"]?.stringValue != webhookID { return false }
            if errorsOnly, json["status"]?.stringValue != "failed" { return false }
            return true
        }
    }

    /// `GET /api_logs`: cursor style, newest first, filtered by `endpoint` (partial), `status_code`,
    /// `errors_only` and `period`.
    func listAPILogs(_ request: APIRequest, now: Timestamp) throws(APIError) -> APIResponse {
        let query = request.query
        let mode = try CursorQuery.parse(query)
        let since = try periodStart(query, now: now)
        let errorsOnly = try boolFilter(query, "errors_only") ?? false
        var statusCode: Int?
        if let text = query["status_code"] {
            guard let code = Int(text) else { throw .badRequest("Invalid status_code parameter") }
            statusCode = code
        }
        return CursorQuery.response(apiLogs, mode: mode, column: "created_at", request: request, since: since) {
            record in
            let json = record.json
            // A status written as text (a crafted seed's `"400"`, `" 400"`, `"HTTP 400"`: tester62 AL22, tester63b AO7) is
            // filtered by its number, as kops reads it (`RecordedStatus`); one that cannot be read stays in errors_only.
            let recorded = json["response_status"]
            if let part = query["endpoint"], !(json["endpoint"]?.stringValue ?? "").contains(part) { return false }
            if let statusCode, RecordedStatus.number(recorded) != statusCode { return false }
            if errorsOnly, !RecordedStatus.isKeptAsError(recorded) { return false }
            return true
        }
    }

    /// The start of the `period` window (`24h`, `7d` or `30d`; default `24h`); 400 on other values.
    private func periodStart(_ query: [String: String], now: Timestamp) throws(APIError) -> Timestamp {
        switch query["period"] ?? "24h" {
        case "24h": now.adding(seconds: -86_400)
        case "7d": now.adding(seconds: -7 * 86_400)
        case "30d": now.adding(seconds: -30 * 86_400)
        default: throw .badRequest("Invalid period parameter")
        }
    }
}
