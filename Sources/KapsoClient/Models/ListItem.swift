/// A list item that keeps the object it was decoded from, as parsed and unchanged (`json`): its bytes in a page's
/// `ReceivedItems` are then the text of `json`, and a list printed as JSON may write them instead.
public protocol ListItem: Sendable {
    /// The element of the list's `data` array this item was decoded from.
    var json: JSONObject { get }
}

extension APILog: ListItem {}
extension Conversation: ListItem {}
extension Message: ListItem {}
extension WebhookDelivery: ListItem {}
