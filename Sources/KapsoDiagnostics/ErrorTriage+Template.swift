public import KapsoClient

extension ErrorTriage {
    /// The name of the template a message sent (`template.name`, kapso-api.md §7.3), nil for other messages.
    public static func templateName(of message: JSONObject) -> String? {
        guard message["type"]?.string == "template", let name = message["template"]?["name"]?.string, !name.isEmpty else { return nil }
        return name
    }
}
