// MARK: - Meta proxy sends and webhook tests

extension SimulatorState {
    var counts: (requests: Int, deliveries: Int) { (requestCount, deliveryCount) }

    func testWebhook(_ id: String, _ request: APIRequest, now: Timestamp) throws(APIError) -> APIResponse {
        _ = try webhook(id, on: nil)
        return .data(["success": true])
    }

    func sendMessage(_ phoneNumberID: String, _ request: APIRequest, now: Timestamp) throws(APIError) -> APIResponse {
        throw APIError(.notFound)
    }
}
