/// Webhook URLs whose key is part of the URL itself, not a query parameter: whoever holds the URL can post to it
/// (probe29 P29-16: a Make or Slack hook was printed and recorded in clear, while Azure's `?code=` was `<redacted>`).
///
/// - Slack incoming webhooks, `https://hooks.slack.com/services/T…/B…/SECRET` ("keep it secret", Slack's "Sending
///   messages using incoming webhooks"; also `/workflows/…` and `/triggers/…`): the last path segment.
/// - Discord, `https://discord.com/api/webhooks/ID/TOKEN` (Discord's "Execute Webhook"): the segment after the id.
/// - Make, `https://hook.eu1.make.com/KEY` (a scenario's custom webhook; also `hook.integromat.com`): the first segment.
/// - Zapier, `https://hooks.zapier.com/hooks/catch/ACCOUNT/KEY/`: the segment after the account.
/// - Pipedream, `https://KEY.m.pipedream.net`: the host's first label.
///
/// The ids around the key (Slack's team and channel, Discord's webhook id) stay: they say which hook it is. A URL is read
/// with its scheme (`https://`), as `Redactor.maskURLCredentials` reads it, or without (`hooks.slack.com/services/…`, as
/// a form, a chat or a log that drops the scheme writes it: `SchemelessURLs`, probe36 P36-4). On any host, a key the path's words name
/// (`/with/key/KEY`, `/hooks/KEY`, `/IncomingWebhook/…`) is masked by its shape too (`CapabilityPaths`, probe33 P33-4).
enum CapabilityURLs {
    /// True when the URL whose scheme ends at the colon at `colon` has one of these hosts or a path that may name a key
    /// (`CapabilityPaths.mayHoldKey`), or when its bytes alone cannot say (a byte past ASCII or `\r\n` in its host, or
    /// right after it): false only where `masked` leaves that URL as it is.
    static func mayFollow(_ bytes: UnsafeBufferPointer<UInt8>, colon: Int) -> Bool {
        guard colon + 2 < bytes.count, bytes[colon + 1] == slash, bytes[colon + 2] == slash else { return false }
        let start = colon + 3
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 || (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) { return true }
            if byte == slash || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || URLCredentialScan.isEnd(byte) { break }
            index += 1
        }
        // A combining mark after the byte that ended the host joins it into a `Character` that ends nothing.
        if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return true }
        // Sentence punctuation right after a URL that is its host alone is not the host's (`maskKey`, P40-3).
        var hostEnd = index
        while hostEnd > start + 1, [UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: ")")]
            .contains(bytes[hostEnd - 1])
        {
            hostEnd -= 1
        }
        return kind(of: bytes[start..<hostEnd]) != nil || CapabilityPaths.isHookHost(bytes[start..<index], pathFrom: index, in: bytes)
            || CapabilityPaths.mayHoldKey(bytes, from: index)
    }

    /// `text` with the key of each such URL replaced by `<redacted>`, with its scheme (`https://hooks.slack.com/…`) or
    /// without (`hooks.slack.com/…`, `SchemelessURLs`).
    static func masked(_ text: String) -> String {
        let withScheme = text.contains("://") ? URLSpans.rewriting(text, maskKey) : text
        return SchemelessURLs.rewriting(withScheme, maskKey)
    }

    /// `url` (what follows its `://`: host, path, query) with its key replaced by `<redacted>`.
    static func maskKey(_ url: inout [Character], maskedAfter: Bool) {
        // Followed by `<redacted>`, the URL was masked already: its key is that mask (masked again, Slack's last
        // segment would be the channel id).
        guard !maskedAfter else { return }
        let pathStart = url.firstIndex { "/?#".contains($0) }
        // Punctuation that ends a sentence right after the URL is not its path's (`… to https://n8n.test/webhook/KEY:
        // HTTP 401`, probe38 P38-1: the key with its `:` did not read as a key and was printed); it is put back after.
        // Nor is it the host's, for a URL that is its host alone (`(https://KEY.m.pipedream.net): 1 of 1 …`, probe40 P40-3:
        // the host read as `….pipedream.net):`, no hook's, and `webhooks check` and `logs search` printed the key).
        var trailing: [Character] = []
        if url.firstIndex(where: { "?#".contains($0) }) == nil {
            let floor = pathStart.map { $0 + 1 } ?? 1
            while url.count > floor, let last = url.last, ":.;!)".contains(last) { trailing.insert(url.removeLast(), at: 0) }
        }
        defer { url += trailing }
        let hostEnd = url.firstIndex { "/?#".contains($0) } ?? url.count
        let pathEnd = url[hostEnd...].firstIndex { "?#".contains($0) } ?? url.count
        let host = String(url[..<hostEnd])
        var segments = String(url[hostEnd..<pathEnd]).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var hostPart = host
        if let kind = kind(of: Array(host.utf8)) {
            let key = kind.keyIndex(segments.dropFirst().map { $0.lowercased() }).map { $0 + 1 }
            if kind == .pipedream, let dot = host.firstIndex(of: "."), !host[..<dot].isEmpty, host[..<dot] != "<redacted>" {
                hostPart = "<redacted>" + host[dot...]
            } else if let key, key < segments.count, !segments[key].isEmpty, segments[key] != "<redacted>" {
                segments[key] = "<redacted>"
            }
        }
        // Any host: a key named by the path's words and its shape (IFTTT, Teams, Mattermost, n8n: `CapabilityPaths`).
        CapabilityPaths.mask(&segments, host: host)
        let rewritten = hostPart + segments.joined(separator: "/")
        guard rewritten != String(url[0..<pathEnd]) else { return }
        url.replaceSubrange(0..<pathEnd, with: Array(rewritten))
    }

    enum Kind: Equatable {
        case slack, discord, make, zapier, pipedream

        /// The index, among the path's segments (each lower-cased), of the one that is the key; nil when none is.
        func keyIndex(_ segments: [String]) -> Int? {
            switch self {
            case .slack:
                guard segments.count >= 2, ["services", "workflows", "triggers"].contains(segments[0]) else { return nil }
                return segments.lastIndex { !$0.isEmpty }
            case .discord:
                return segments.firstIndex(of: "webhooks").map { $0 + 2 }
            case .make:
                return 0
            case .zapier:
                return segments.count >= 2 && segments[0] == "hooks" && segments[1] == "catch" ? 3 : nil
            case .pipedream:
                return nil
            }
        }
    }

    /// The kind of hook a host (its bytes, any ASCII case) is; nil for any other host. Allocates nothing.
    ///
    /// Every host of a kind ends in `.com` or `.net`, so a host that does not (`hooks.acme-demo.test`) is none, told by
    /// its last four bytes before any host is compared: the comparisons cost about 270 instructions a URL, 2.7 M of the
    /// 10,000 URLs of `deliveries --all --output json` (docs/performance.md, "Session 37"). `CapabilityScanTests`
    /// compares the answer with `comparedKind(of:)` alone.
    static func kind<Host: BidirectionalCollection>(of host: Host) -> Kind? where Host.Element == UInt8 {
        var suffix: UInt32 = 0
        var index = host.endIndex
        for _ in 0..<4 {
            guard index != host.startIndex else { return nil }
            host.formIndex(before: &index)
            suffix = suffix >> 8 | UInt32(ByteSearch.fold(host[index])) << 24
        }
        // The last four bytes, the last in the low byte: `.com` and `.net`.
        guard suffix == 0x2E63_6F6D || suffix == 0x2E6E_6574 else { return nil }
        return comparedKind(of: host)
    }

    /// `kind(of:)` without its suffix test: each host compared.
    static func comparedKind<Host: BidirectionalCollection>(of host: Host) -> Kind? where Host.Element == UInt8 {
        func equals(_ text: StaticString) -> Bool {
            host.count == text.utf8CodeUnitCount && zip(host, UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
                .allSatisfy { ByteSearch.fold($0) == $1 }
        }
        func hasSuffix(_ text: StaticString) -> Bool {
            host.count > text.utf8CodeUnitCount && zip(host.reversed(), UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount).reversed())
                .allSatisfy { ByteSearch.fold($0) == $1 }
        }
        func starts(with text: StaticString) -> Bool {
            host.count > text.utf8CodeUnitCount && zip(host, UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
                .allSatisfy { ByteSearch.fold($0) == $1 }
        }
        if equals("hooks.slack.com") { return .slack }
        if equals("discord.com") || equals("discordapp.com") || equals("ptb.discord.com") || equals("canary.discord.com") { return .discord }
        if equals("hooks.zapier.com") { return .zapier }
        if equals("hook.make.com") || equals("hook.integromat.com")
            || (starts(with: "hook.") && (hasSuffix(".make.com") || hasSuffix(".integromat.com")))
        {
            return .make
        }
        return hasSuffix(".m.pipedream.net") ? .pipedream : nil
    }

    private static let slash = UInt8(ascii: "/")
}
