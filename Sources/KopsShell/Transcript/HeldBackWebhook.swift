internal import KopsHTTP

/// A recorded write that points Kapso's deliveries at a URL (`webhooks create|update … --url URL`), as `kops check`
/// names it when it holds the write back: a transcript is someone else's input, and sent with `--allow-writes` that
/// line makes every event of the project go to the URL it names (probe29 P29-10: the line shown was cut in the
/// middle of the URL, and the advice said `--allow-writes` "sends it again", as if it repeated the user's own write).
public enum HeldBackWebhook {
    /// What sending `command` would do, `create a webhook that delivers to HOST (URL; events …, scope …)`; nil for a
    /// command that names no delivery URL.
    public static func effect(of command: String) -> String? {
        guard let words = ((try? Lexer.commands(in: command)) ?? []).first.map({ $0.map(\.text) }), words.count > 2,
            words[0] == "webhooks", words[1] == "create" || words[1] == "update", let url = value("--url", in: words)
        else { return nil }
        let host = URLParts(url)?.host ?? url
        let details = [value("--events", in: words).map { "events \($0)" }, value("--scope", in: words).map { "scope \($0)" }]
            .compactMap { $0 }
        let id = words[2].hasPrefix("-") ? "" : words[2] + " "
        return (words[1] == "create" ? "create a webhook that delivers" : "change webhook \(id)to deliver") + " to \(host) (\(url)"
            + (details.isEmpty ? "" : "; " + details.joined(separator: ", ")) + ")"
    }

    /// The value of `flag` (`--url URL` or `--url=URL`) in a command's words.
    private static func value(_ flag: String, in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word == flag, index + 1 < words.count { return words[index + 1] }
            if word.hasPrefix(flag + "=") { return String(word.dropFirst(flag.count + 1)) }
        }
        return nil
    }
}
