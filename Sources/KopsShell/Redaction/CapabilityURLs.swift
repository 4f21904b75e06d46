/// Webhook URLs whose key is part of the URL itself, not a query parameter: whoever holds the URL can post to it
/// (probe29 P29-16: a Make or Slack hook was printed and recorded in clear, while Azure's `?code=` was `<redacted>`).
///
/// - Slack incoming webhooks, `https://hooks.slack.com/services/T…/B…/SECRET` ("keep it secret", Slack's "Sending
///   messages using incoming webhooks"; also `/workflows/…` and `/triggers/…`): the last path segment.
/// - Discord, `https://discord.com/api/webhooks/ID/TOKEN` (Discord's "Execute Webhook"): the segment after the id.
/// - Make, `https://hook.eu1.make.com/KEY` (a scenario's custom webhook; also `hook.integromat.com`): the first segment.
/// - Zapier, `https://hooks.zapier.com/hooks/catch/ACCOUNT/KEY/`: the segment after the account.
/// - Pipedream, `https://KEY.m.pipedream.net`: the host's first label.
/// - Google Apps Script, `https://script.google.com/macros/s/DEPLOYMENT_ID/exec`: the segment after `s`.
/// - Pabbly Connect, `https://connect.pabbly.com/workflow/sendwebhookdata/TOKEN`; Hookdeck, `https://hkdk.events/ID` and
///   `https://events.hookdeck.com/e/src_…`; Workato, `https://webhooks.workato.com/webhooks/rest/ID/EVENT`; Tray.ai,
///   `https://UUID.trayapp.io`; Activepieces, `https://cloud.activepieces.com/api/v1/webhooks/FLOW_ID` (probe44 P44-7).
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

    /// The keys `masked(_:)` masks in `text`, as written: what a typed line teaches the redactor (`Redactor
    /// .learnEveryPiece`), so a key `whois` or an error cuts out of its URL (a Teams hook's GUID, a Pipedream host's
    /// label before `…`) is masked alone too.
    static func keys(in text: String) -> [String] {
        var keys: [String] = []
        let collect: (inout [Character], Bool) -> Void = { url, maskedAfter in maskKey(&url, maskedAfter: maskedAfter) { keys.append($0) } }
        let withScheme = text.contains("://") ? URLSpans.rewriting(text, collect) : text
        _ = SchemelessURLs.rewriting(withScheme, collect)
        return keys
    }

    /// `url` (what follows its `://`: host, path, query) with its key replaced by `<redacted>`.
    static func maskKey(_ url: inout [Character], maskedAfter: Bool) { maskKey(&url, maskedAfter: maskedAfter, found: nil) }

    /// `maskKey(_:maskedAfter:)`, giving `found` each key it masks, as the URL wrote it.
    static func maskKey(_ url: inout [Character], maskedAfter: Bool, found: ((String) -> Void)?) {
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
            let count = URLSpans.trailingPunctuation(url, floor: pathStart.map { $0 + 1 } ?? 1)
            trailing = Array(url.suffix(count))
            url.removeLast(count)
        }
        defer { url += trailing }
        let hostEnd = url.firstIndex { "/?#".contains($0) } ?? url.count
        let pathEnd = url[hostEnd...].firstIndex { "?#".contains($0) } ?? url.count
        let host = String(url[..<hostEnd])
        var segments = String(url[hostEnd..<pathEnd]).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var hostPart = host
        let written = segments
        if let rule = kind(of: Array(host.utf8)) {
            let key = rule.key.keyIndex(segments.dropFirst().map { $0.lowercased() }).map { $0 + 1 }
            if rule.key == .hostLabel, let dot = host.firstIndex(of: "."), !host[..<dot].isEmpty, host[..<dot] != "<redacted>" {
                hostPart = "<redacted>" + host[dot...]
            } else if let key, key < segments.count, !segments[key].isEmpty, segments[key] != "<redacted>" {
                segments[key] = "<redacted>"
            }
        }
        // Any host: a key named by the path's words and its shape (IFTTT, Teams, Mattermost, n8n: `CapabilityPaths`).
        CapabilityPaths.mask(&segments, host: host)
        if let found {
            if hostPart != host { found(String(host.prefix { $0 != "." })) }
            // What a masking took out of a segment: all of it, or the token after a Telegram bot's `bot`.
            for (old, new) in zip(written, segments) where old != new {
                let kept = zip(old, new).prefix { $0 == $1 }.count
                found(String(old.dropFirst(kept)))
            }
        }
        let rewritten = hostPart + segments.joined(separator: "/")
        guard rewritten != String(url[0..<pathEnd]) else { return }
        url.replaceSubrange(0..<pathEnd, with: Array(rewritten))
    }

    /// A receiver whose URL is its own key: the hosts it answers on (`hosts`, any ASCII case) and where its key is.
    struct HookRule: Equatable, Sendable {
        /// The receiver, as its documentation names it.
        let name: String
        let hosts: [HostPattern]
        let key: KeyPlace
    }

    /// A host of a rule: one name, or any host ending in `suffix` after a label or more, or starting with `prefix`
    /// and ending in `suffix` (Make's `hook.<zone>.make.com`). Lower case.
    enum HostPattern: Equatable, Sendable {
        case exact(String)
        case suffix(String)
        case prefixAndSuffix(String, String)
    }

    /// Where a rule's key is, among the path's segments (each lower-cased, the empty one before the first `/` dropped).
    enum KeyPlace: Equatable, Sendable {
        /// The host's first label (Pipedream's `KEY.m.pipedream.net`).
        case hostLabel
        /// The segment at this index (Make's `hook.eu1.make.com/KEY`).
        case segment(Int)
        /// The segment `skip` places after the first segment that is one of `words` (Discord's `/webhooks/ID/KEY`).
        case after(Set<String>, skip: Int)
        /// The last non-empty segment, when the first is one of `words` and another follows (Slack's `/services/T/B/KEY`).
        case lastAfter(Set<String>)

        /// The index, among the path's segments (each lower-cased), of the one that is the key; nil when none is.
        func keyIndex(_ segments: [String]) -> Int? {
            switch self {
            case .hostLabel:
                return nil
            case .segment(let index):
                return index
            case .after(let words, let skip):
                return segments.firstIndex(where: words.contains).map { $0 + 1 + skip }
            case .lastAfter(let words):
                guard segments.count >= 2, words.contains(segments[0]) else { return nil }
                return segments.lastIndex { !$0.isEmpty }
            }
        }
    }

    /// The receivers whose URL alone authorises a post, one rule each (two for Hookdeck). Every host ends in `.com`,
    /// `.net`, `.io` or `.events` (`kind(of:)` tells the others by their last four bytes). A receiver on any host whose path's words name its key (n8n,
    /// Mattermost, Rocket.Chat, Teams' `IncomingWebhook`, IFTTT's `/with/key/`, Telegram's `bot<token>`) is
    /// `CapabilityPaths`'; one whose key is a query parameter (Google Chat's `?key=…&token=…`, Azure Functions'
    /// `?code=`, a Teams workflow's `&sig=`) is `CredentialParameters`'.
    static let rules: [HookRule] = [
        // "Keep it secret" (Slack's "Sending messages using incoming webhooks"); workflow and trigger URLs alike
        // (GitGuardian's "Slack Webhook Trigger URL": "whoever holds the URL can start the workflow").
        HookRule(name: "Slack", hosts: [.exact("hooks.slack.com")], key: .lastAfter(["services", "workflows", "triggers"])),
        // Discord's "Execute Webhook": `/api[/vN]/webhooks/{webhook.id}/{webhook.token}`.
        HookRule(
            name: "Discord",
            hosts: [.exact("discord.com"), .exact("discordapp.com"), .exact("ptb.discord.com"), .exact("canary.discord.com")],
            key: .after(["webhooks"], skip: 1)),
        // A scenario's custom webhook: `https://hook.eu1.make.com/KEY` (also the older `hook.integromat.com`).
        HookRule(
            name: "Make",
            hosts: [
                .exact("hook.make.com"), .exact("hook.integromat.com"), .prefixAndSuffix("hook.", ".make.com"),
                .prefixAndSuffix("hook.", ".integromat.com"),
            ],
            key: .segment(0)),
        // Zapier's "Catch Hook": `https://hooks.zapier.com/hooks/catch/ACCOUNT/KEY/`.
        HookRule(name: "Zapier", hosts: [.exact("hooks.zapier.com")], key: .after(["catch"], skip: 1)),
        // "We create a URL endpoint specific to your workflow" (pipedream.com, "Use HTTP Requests to Trigger a Workflow").
        HookRule(name: "Pipedream", hosts: [.suffix(".m.pipedream.net")], key: .hostLabel),
        // An Airtable automation's "When webhook received" trigger, unauthenticated as Zapier's catch hooks (probe40
        // P40-3): `https://hooks.airtable.com/workflows/v1/genericWebhook/app…/wfl…/wtr…`; the base and workflow ids
        // stay, as Slack's team and channel do [uncertain: the form is the one Airtable's trigger shows, no page of
        // Airtable's found in the search index describes it].
        HookRule(name: "Airtable", hosts: [.exact("hooks.airtable.com")], key: .after(["genericwebhook"], skip: 2)),
        // IFTTT's Webhooks settings page, `https://maker.ifttt.com/use/KEY`, shows the key its trigger URLs carry after
        // `/with/key/` (cables.gl's IFTTT op: "Copy the last part of the URL"; `CapabilityPaths` reads `/with/key/`).
        HookRule(name: "IFTTT", hosts: [.exact("maker.ifttt.com")], key: .after(["use"], skip: 0)),
        // A Google Apps Script web app, `https://script.google.com/macros/s/DEPLOYMENT_ID/exec` (a Workspace domain's
        // `/a/macros/DOMAIN/s/DEPLOYMENT_ID/exec`): deployed for "Anyone", the only access Kapso can call, the URL is the
        // whole credential (probe41 P41-3; KapsoDiagnostics `WebhookURL.isAppsScriptWebApp` has the sources).
        HookRule(name: "Google Apps Script", hosts: [.exact("script.google.com")], key: .after(["s"], skip: 0)),
        // Probe44 P44-7: automation services common in WhatsApp flows whose URL is the trigger's only credential.
        // Pabbly Connect's "Catch Webhook", `https://connect.pabbly.com/workflow/sendwebhookdata/TOKEN`: "Pabbly
        // generates a unique URL. This URL is what you give the third-party app", with no signature verification of
        // its own (everestx.com, "Set up Pabbly webhooks"; pabbly.com, "Pabbly Connect documentation": "When webhook
        // happens – This will generate a webhook link").
        HookRule(name: "Pabbly Connect", hosts: [.exact("connect.pabbly.com")], key: .after(["sendwebhookdata"], skip: 0)),
        // A Hookdeck Event Gateway source, "an ingestion endpoint with a unique https://hkdk.events/xxx URL"
        // (hookdeck/agent-skills, "event-gateway"); its older form `https://events.hookdeck.com/e/src_…` (also seen as
        // `webhook.hookdeck.com/e/src_…`) [uncertain: the older forms are from customers' configurations, not Hookdeck's
        // current documentation]. Either accepts whatever is posted to it.
        HookRule(name: "Hookdeck", hosts: [.exact("hkdk.events")], key: .segment(0)),
        HookRule(name: "Hookdeck", hosts: [.suffix(".hookdeck.com")], key: .after(["e"], skip: 0)),
        // Workato's "New event via HTTP webhook" needs no connection: `https://webhooks.workato.com/webhooks/rest/
        // {UNIQUE_ID}/EVENT`, per data center `webhooks.eu.workato.com`, `.jp.`, `.sg.`, `.au.`, formerly
        // `www.workato.com/webhooks/rest/…` (docs.workato.com, "Webhooks" and "Webhook Gateway Migration").
        HookRule(
            name: "Workato",
            hosts: [.exact("webhooks.workato.com"), .prefixAndSuffix("webhooks.", ".workato.com"), .exact("www.workato.com")],
            key: .after(["rest"], skip: 0)),
        // A Tray.ai workflow's Webhook Trigger "public URL … where all Webhook callbacks are sent" (docs.tray.ai,
        // "Webhook Trigger"), `https://UUID.trayapp.io` [uncertain: the host form as Tray's builder shows it; the page
        // found does not print it].
        HookRule(name: "Tray.ai", hosts: [.suffix(".trayapp.io")], key: .hostLabel),
        // An Activepieces flow's Webhook trigger, "the webhook URL will be automatically generated" (Activepieces,
        // "Getting Started"): `https://cloud.activepieces.com/api/v1/webhooks/FLOW_ID` (and `/sync`), the flow id its
        // only credential [uncertain: the path as the builder shows it]. A flow id of letters alone does not look random
        // to `CapabilityPaths`' plural-hook reading, so the host is named.
        HookRule(name: "Activepieces", hosts: [.exact("cloud.activepieces.com")], key: .after(["webhooks"], skip: 0)),
    ]

    /// Each rule's host patterns as bytes, for `comparedKind(of:)`: `(rule index, kind, first, second)` where kind is 0
    /// for a name, 1 for a suffix, 2 for a prefix and a suffix.
    private static let hostBytes: [(rule: Int, pattern: Int, first: [UInt8], second: [UInt8])] = rules.enumerated().flatMap { index, rule in
        rule.hosts.map { pattern -> (rule: Int, pattern: Int, first: [UInt8], second: [UInt8]) in
            switch pattern {
            case .exact(let name): return (index, 0, Array(name.utf8), [])
            case .suffix(let suffix): return (index, 1, Array(suffix.utf8), [])
            case .prefixAndSuffix(let prefix, let suffix): return (index, 2, Array(prefix.utf8), Array(suffix.utf8))
            }
        }
    }

    /// The rule of the hook a host (its bytes, any ASCII case) is; nil for any other host. Allocates nothing.
    ///
    /// Every host of a kind ends in `.com`, `.net`, `.io` or `.events`, so a host that does not (`hooks.acme-demo.test`) is none, told by
    /// its last four bytes before any host is compared: the comparisons cost about 270 instructions a URL, 2.7 M of the
    /// 10,000 URLs of `deliveries --all --output json` (docs/performance.md, "Session 37"). `CapabilityScanTests`
    /// compares the answer with `comparedKind(of:)` alone.
    static func kind<Host: BidirectionalCollection>(of host: Host) -> HookRule? where Host.Element == UInt8 {
        var suffix: UInt32 = 0
        var index = host.endIndex
        for _ in 0..<4 {
            guard index != host.startIndex else { return nil }
            host.formIndex(before: &index)
            suffix = suffix >> 8 | UInt32(ByteSearch.fold(host[index])) << 24
        }
        // The last four bytes, the last in the low byte: `.com`, `.net`, `ents` (`.events`) and, in the low three, `.io`.
        guard suffix == 0x2E63_6F6D || suffix == 0x2E6E_6574 || suffix == 0x656E_7473 || suffix & 0x00FF_FFFF == 0x2E_696F
        else { return nil }
        return comparedKind(of: host)
    }

    /// `kind(of:)` without its suffix test: each rule's hosts compared.
    static func comparedKind<Host: BidirectionalCollection>(of host: Host) -> HookRule? where Host.Element == UInt8 {
        func equals(_ text: [UInt8]) -> Bool {
            host.count == text.count && zip(host, text).allSatisfy { ByteSearch.fold($0) == $1 }
        }
        func hasSuffix(_ text: [UInt8]) -> Bool {
            host.count > text.count && zip(host.reversed(), text.reversed()).allSatisfy { ByteSearch.fold($0) == $1 }
        }
        func starts(with text: [UInt8]) -> Bool {
            host.count > text.count && zip(host, text).allSatisfy { ByteSearch.fold($0) == $1 }
        }
        for entry in hostBytes {
            let matches: Bool
            switch entry.pattern {
            case 0: matches = equals(entry.first)
            case 1: matches = hasSuffix(entry.first)
            default: matches = starts(with: entry.first) && hasSuffix(entry.second)
            }
            if matches { return rules[entry.rule] }
        }
        return nil
    }

    private static let slash = UInt8(ascii: "/")
}
