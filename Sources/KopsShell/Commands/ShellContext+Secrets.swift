internal import KapsoClient
internal import KopsHTTP

extension ShellContext {
    /// Registers `value`, a secret kops was given or made (a generated webhook secret, a captured revealed
    /// `secret_key`, the API key), with the session's redactor the moment it exists, before it can reach a request
    /// or an error: every sink masks it from then on, lines recorded before are redacted again, and the line
    /// editor forgets it (`Shell.redactor`'s observer). Values under 6 characters are not remembered (see `Redactor`).
    public func keepSecret(_ value: String) {
        shell?.redactor.remember(secret: value)
    }

    /// Sets `${name}` to `value` — from `set`, `capture` or `kops --var NAME=VALUE` — and registers the value as a
    /// secret when its name or its shape says it is one (`Redactor.learn(variable:value:)`), as a typed `set` line
    /// does: `kops --var K=whsec_… -c set` then lists `K: <redacted>` (probe18 P18-15).
    public func setVariable(_ name: String, to value: String) {
        shell?.redactor.learn(variable: name, value: value)
        session.variables[name] = value
    }
}

extension ShellContext {
    /// The secret `text` holds that a write would send beyond the session (`OutgoingSecret`), read against the session's
    /// key and what its redactor knows; nil when every view prints `text` unchanged.
    func outgoingSecret(in text: String) -> OutgoingSecret? {
        OutgoingSecret.find(in: text, apiKey: client.apiKey, redactor: shell?.redactor ?? Redactor())
    }
}
