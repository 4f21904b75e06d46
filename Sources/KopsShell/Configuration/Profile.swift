/// One named connection from `config.toml`: where the API is and how to get its key, never the key itself.
public struct Profile: Sendable, Equatable {
    public var name: String
    /// API host only, e.g. `https://api.kapso.ai`.
    public var baseURL: String?
    /// Name of the environment variable holding the key, e.g. `ACME_KAPSO_KEY`.
    public var apiKeyEnv: String?
    /// A shell command that prints the key, e.g. `pass show kapso/acme`.
    public var apiKeyCommand: String?
    public var phoneNumberID: String?
    public var output: OutputMode?
    public var color: Bool?

    public init(
        name: String, baseURL: String? = nil, apiKeyEnv: String? = nil, apiKeyCommand: String? = nil,
        phoneNumberID: String? = nil, output: OutputMode? = nil, color: Bool? = nil
    ) {
        self.name = name
        self.baseURL = baseURL
        self.apiKeyEnv = apiKeyEnv
        self.apiKeyCommand = apiKeyCommand
        self.phoneNumberID = phoneNumberID
        self.output = output
        self.color = color
    }

    /// True for a name of letters, digits, `-` and `_`: what `profile add` takes and what config.toml may hold. The
    /// name becomes part of a file's name (`history-NAME`), so `a/../../notes/journal.txt` or `acme/prod` in a
    /// hand-written config.toml would put the history elsewhere and trim whatever file is there (probe27 P27-16).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// True for a name kops would read as a key, never a profile's: a token (`kapso_live_…`, `sk_…` with a token's body:
    /// `TokenShapes.isToken`), a random mix of letters and digits (`HistoryPolicy.isTokenShaped`), or a hex key (20 or
    /// more hex digits, letters and digits mixed, `5f4dcc3b…`). Such a name went into config.toml, the history file's
    /// name, the prompt and every transcript's prompt lines (probe36 P36-12); `profile add` refuses it, and the line that
    /// typed it shows `<redacted>` (`Redactor.profileNameSources`).
    public static func nameReadsAsKey(_ name: String) -> Bool {
        if TokenShapes.isToken(name) || HistoryPolicy.isTokenShaped(name) { return true }
        return name.count >= 20 && name.allSatisfy { $0.isASCII && $0.isHexDigit }
            && name.contains(where: \.isLetter) && name.contains(where: \.isNumber)
    }

    /// What the profile holds, for a line that says what would be replaced: `https://api.kapso.ai, env
    /// KAPSO_PROD_KEY, number 100200300400501` (a key command is named as such, not quoted).
    public var summary: String {
        var parts: [String] = [baseURL ?? "no base_url"]
        if let apiKeyEnv { parts.append("env \(apiKeyEnv)") }
        if apiKeyCommand != nil { parts.append("a key command") }
        if let phoneNumberID { parts.append("number \(phoneNumberID)") }
        return parts.joined(separator: ", ")
    }
}
