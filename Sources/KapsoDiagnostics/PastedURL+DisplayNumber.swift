internal import Foundation

extension PastedURL {
    /// One line when a pasted Meta-proxy path holds a number's DISPLAY number where its phone-number id goes
    /// (`/meta/whatsapp/v24.0/14155550100/messages`, tester64 T7: `whois` named the number and no defect): every proxy
    /// route takes Meta's phone-number id, and Kapso has no look-up by display number, so the call is answered 404
    /// (kapso-api.md §0.6; https://docs.kapso.ai/api-reference/meta-proxy). `display` is the id as read from the path,
    /// `phoneNumberID` the number's id. Nil for any other path.
    public static func displayNumberNote(_ pasted: String, display: String, phoneNumberID: String) -> String? {
        var path = Substring(pasted.trimmingSpaces())
        if let scheme = path.range(of: "://") {
            let rest = path[scheme.upperBound...]
            path = rest[(rest.firstIndex(of: "/") ?? rest.endIndex)...]
        }
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        guard let route = APIRoute.documented(String(path)), route.surface == .metaProxy, route.slot == .phoneNumberID,
            let id = route.id, id.filter(\.isNumber) == display.filter(\.isNumber)
        else { return nil }
        let call = "/" + ([id] + (route.edge.map { [$0] } ?? [])).joined(separator: "/")
        let fixed = "/" + ([phoneNumberID] + (route.edge.map { [$0] } ?? [])).joined(separator: "/")
        return "this path takes the phone-number id, not the display number: Kapso answers \(call) 404 (it has no look-up "
            + "by display number); call \(fixed)"
    }
}
