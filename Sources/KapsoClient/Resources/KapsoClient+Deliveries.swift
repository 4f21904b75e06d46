public import KopsHTTP

extension KapsoClient {
    /// The request for one page of `GET /webhook_deliveries` (cursor style, newest first).
    ///
    /// `query` uses the API's names: `status`, `event`, `webhook_id`, `errors_only`, `period`, `limit`, `after`.
    public func webhookDeliveriesRequest(_ query: [(String, String)]) -> HTTPRequest {
        platformRequest("/webhook_deliveries", query: query)
    }

    /// One page of webhook deliveries.
    public func webhookDeliveries(_ query: [(String, String)]) throws(KapsoAPIError) -> Page<WebhookDelivery> {
        try webhookDeliveries(query, keeping: nil)
    }

    /// One page of webhook deliveries; `keys` and `located`: see `performList(_:keeping:locating:)`.
    public func webhookDeliveries(_ query: [(String, String)], keeping keys: [String]?, locating located: [String] = [])
        throws(KapsoAPIError) -> Page<WebhookDelivery>
    {
        try performList(webhookDeliveriesRequest(query), keeping: keys, locating: located) { list throws(KapsoAPIError) in
            try Page.decode(list, item: WebhookDelivery.init(json:))
        }
    }

    /// Decodes a deliveries page fetched elsewhere (e.g. with `sendAll`).
    public func webhookDeliveries(from json: JSONValue) throws(KapsoAPIError) -> Page<WebhookDelivery> {
        try Page.decode(json, item: WebhookDelivery.init(json:))
    }
}
