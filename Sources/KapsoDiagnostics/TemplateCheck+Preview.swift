internal import KapsoClient

extension TemplateCheck {
    /// The send as the contact would see it, for `reply --template`'s `renders:` line, its confirmation and its
    /// result: `template NAME (LANG): header HEADER; "BODY"`, the header as the send fills it (`headerPreview`), then
    /// the body's text; a template without a header is `template NAME (LANG): "BODY"` (probe45 P45-4: the header, the
    /// first thing the contact sees, was left out).
    public static func rendered(_ template: MessageTemplate, send: Send) -> String {
        let header = headerPreview(template, send: send).map { "header \($0); " } ?? ""
        return "template \(template.name) (\(template.language)): \(header)\"\(send.bodyText)\""
    }

    /// The header the send shows: a text header with its variables filled (`"Order A-1042"`), a media header's kind and
    /// link (`image https://cdn.example.com/promo.jpg`), a location's coordinates and name (`location 37.48,-122.14
    /// (Acme HQ)`), a product header (`a product of the catalog`); nil without a header. A media header the send gives
    /// nothing for (`--force`) is `image (none given)`.
    public static func headerPreview(_ template: MessageTemplate, send: Send) -> String? {
        let parameter = send.components.first { $0["type"]?.string == "header" }?["parameters"]?.array?.first
        let kind = parameter?["type"]?.string
        if let kind, ["image", "video", "document"].contains(kind) {
            return "\(kind) " + (parameter?[kind]?["link"]?.string ?? parameter?[kind]?["id"]?.string.map { "media id \($0)" } ?? "(none given)")
        }
        if kind == "location", let location = parameter?["location"] {
            let place = [location["name"]?.string, location["address"]?.string].compactMap { $0 }.joined(separator: ", ")
            let coordinates = "\(location["latitude"]?.string ?? "?"),\(location["longitude"]?.string ?? "?")"
            return "location \(coordinates)" + (place.isEmpty ? "" : " (\(place))")
        }
        guard let header = template.header else { return nil }
        if header.isProduct { return "a product of the catalog" }
        if header.isMedia || header.isLocation { return "\(header.format.lowercased()) (none given)" }
        return send.headerText.map { "\"\($0)\"" }
    }
}
