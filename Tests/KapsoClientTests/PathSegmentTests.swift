@testable import KapsoClient
import Testing

/// One rule for an id in a path: the routes a host answered (`KapsoClient.route`) read 8+ characters as an id while the
/// ids of a failed call's path (`APIPath.ids`) took 6+ and any `wamid.…`; a short or placeholder id was an id to one and
/// a route name to the other.
@Suite struct PathSegmentTests {
    @Test(arguments: [
        ("/platform/v1/whatsapp/messages/wamid.ID", "/platform/v1/whatsapp/messages/{id}"),
        ("/meta/whatsapp/v24.0/1234567/messages", "/meta/whatsapp/v24.0/{id}/messages"),
        ("/meta/whatsapp/v24.0/100200300400501/messages", "/meta/whatsapp/v24.0/{id}/messages"),
        ("/meta/whatsapp/v100.0/100200300400501", "/meta/whatsapp/v100.0/{id}"),
        ("/platform/v1/whatsapp/phone_numbers", "/platform/v1/whatsapp/phone_numbers"),
    ])
    func aRouteNamesTheIDsThePathReadingNames(_ path: String, _ route: String) {
        #expect(KapsoClient.route(path) == route)
    }
}
