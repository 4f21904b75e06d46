internal import KopsHTTP

extension LogsCommand {
    /// Throws `SecretWouldLeave` when what `logs` sends to Kapso holds a secret (`OutgoingSecret`): a log search's query
    /// words, `--filter` values and `--around`, and `logs --endpoint`, all of which go in the request's URL, which Kapso
    /// keeps in its own API logs (kapso-api.md §5, §14). Every view masks such a value, `--verbose` included, so the
    /// request line showed `<redacted>` where the secret went out in clear (tester61 AI1: `logs search 'Bearer 3f9a…'`,
    /// `logs --endpoint 'Authorization: …'`, the session's own key). The words and the flag are the writes' (tester59
    /// AF10, tester59b AG17): kops's own key is never sent; any other secret only with `--send-secret`.
    static func refuseSecrets(_ arguments: Arguments, in context: ShellContext) throws {
        let search = arguments.positionals.first == "search"
        var parts: [(part: String, text: String)] = []
        if search {
            let words = arguments.positionals.dropFirst()
            if !words.isEmpty { parts.append(("the query", words.joined(separator: " "))) }
            parts += arguments.all("--filter").map { ("--filter", $0) }
            if let around = arguments.value("--around") { parts.append(("--around", around)) }
        } else if let endpoint = arguments.value("--endpoint") {
            parts.append(("--endpoint", endpoint))
        }
        let sending = arguments.has(OutgoingSecret.sendFlag)
        for (part, text) in parts {
            guard let secret = context.outgoingSecret(in: text) else { continue }
            let refusal = { (fix: String) in
                SecretWouldLeave(
                    command: search ? "logs search" : name, part: part, secret: secret,
                    recipient: "Kapso (the request's URL, which its API logs keep)", fix: fix)
            }
            guard secret != .apiKey else { throw refusal("nothing was sent; take it out (kops never sends its own API key)") }
            guard sending else { throw refusal("nothing was sent; take it out, or \(OutgoingSecret.sendFlag) to send it as typed") }
        }
    }
}
