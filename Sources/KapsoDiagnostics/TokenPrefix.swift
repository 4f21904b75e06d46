/// A prefix that marks a word as a credential, as it is issued: `whsec_` in `whsec_demo_123`, `EAA` in `EAAGm0PX…`.
///
/// The one list behind three readings, so a prefix added here reaches all of them: which typed lines stay out of the
/// history file and which typed words the redactor learns as secrets (KopsShell `HistoryPolicy.hasTokenPrefix`: the
/// prefix in any case with more than three characters after it, behind a byte test that looks for the prefixes in
/// any ASCII case), and what else a key the API refused with 401 is (`APIKeyShape.kind(of:)`: the prefix in its
/// issued case, from `kindMinimumCount` characters on). Each prefix is plain ASCII (the byte test folds ASCII only).
public struct TokenPrefix: Sendable, Equatable {
    /// The prefix in the case it is issued in (`EAA`, `whsec_`); plain ASCII.
    public let text: String
    /// What a value with this prefix is when it is not a Kapso API key, named after a 401; nil when it may be one.
    public let kind: APIKeyShape.Kind?
    /// The fewest characters (`Character`s) a value with the prefix has before `kind` names it: `EAA` starts
    /// ordinary words too.
    public let kindMinimumCount: Int

    init(_ text: String, kind: APIKeyShape.Kind? = nil, kindMinimumCount: Int = 0) {
        self.text = text
        self.kind = kind
        self.kindMinimumCount = kindMinimumCount
    }

    /// The prefix lower-cased, for the readings that take it in any case (`eaa`, `bearer`).
    public var folded: String { text.lowercased() }
}

// MARK: - The list

extension TokenPrefix {
    /// `sk_`, as in `sk_live_…` and `sk_test_…`: the secret-key prefix of many APIs (Stripe issues `sk_live_`/`sk_test_`)
    /// and the shape of the keys in kops's own tests [uncertain: Kapso does not publish its key format (kapso-api.md
    /// §1.1 says only "project key"); a pasted key of this shape is kept out of history either way].
    public static let secretKey = TokenPrefix("sk_")

    /// `whsec_`, a Kapso webhook signing secret: kapso-api.md §10.6 signs its fixture with `whsec_demo_123`, and the
    /// real-world case `cases/real-world/kapso-es.wire.json` with `whsec_case_py_0001`. Not a key: it signs
    /// deliveries, so a 401 with one says so.
    public static let webhookSecret = TokenPrefix("whsec_", kind: .webhookSecret)

    /// `kapso_`, as in `kapso_live_…`: a guessed Kapso key prefix [uncertain: Kapso does not publish its key format].
    /// It also starts the `kapso_agent.run.*` event names (kapso-api.md §14), which are words of
    /// more than three characters after it.
    public static let kapso = TokenPrefix("kapso_")

    /// `kops_`: the key `kops --demo` makes for its in-process simulator (`kops_demo_…`, Sources/kops/Launch.swift).
    public static let kopsDemo = TokenPrefix("kops_")

    /// `EAA`: a Meta access token (user, system user, page), the `Bearer` token of a direct Cloud API integration
    /// [uncertain: 3P, every token Meta's token tools issue starts so; Meta does not document the format]. Named from
    /// 20 characters on: `EAA` alone begins ordinary words.
    public static let metaAccessToken = TokenPrefix("EAA", kind: .metaAccessToken, kindMinimumCount: 20)

    /// `Bearer`: the HTTP authorization scheme word (RFC 6750 §2.1, `Authorization: Bearer <token>`, which Kapso's
    /// Meta proxy also accepts, kapso-api.md §1.1) glued to a token, as a header value pasted without its space.
    public static let bearer = TokenPrefix("Bearer")

    /// GitHub's tokens: `ghp_` personal access, `gho_` OAuth, `ghu_` user-to-server, `ghs_` server-to-server (an Actions
    /// `GITHUB_TOKEN`), `ghr_` refresh (GitHub changelog, "Authentication token format updates are generally
    /// available", 2021-03-31), and `github_pat_` fine-grained personal access tokens. A receiver's deploy script or a
    /// CI log pasted into a chat carries one (probe33 P33-6: history kept `ghp_…` out, the transcript showed it).
    public static let github: [TokenPrefix] = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"].map { TokenPrefix($0) }

    /// Slack's tokens: `xoxb-` bot, `xoxp-` user, `xoxa-`/`xoxr-` workflow and refresh, `xoxe-` rotating (`xoxe.xoxp-…`
    /// reads as the word `xoxe` and an `xoxp-` token), `xapp-` app-level ("Token types", docs.slack.dev/authentication/tokens;
    /// [uncertain: the page names the types, the prefixes are as Slack issues them]). The on-call's Slack integration is
    /// what a Kapso webhook is often forwarded to (probe33 P33-6: `xoxb-…` reached history, transcript and `--verbose`).
    public static let slack: [TokenPrefix] = ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxe-", "xapp-"].map { TokenPrefix($0) }

    /// `glpat-`: a GitLab personal access token [uncertain: from GitLab's "Personal access tokens" page, not checked here].
    public static let gitlab = TokenPrefix("glpat-")

    /// `sk-`: OpenAI's secret keys (`sk-…`, project keys `sk-proj-…`; also Anthropic's `sk-ant-…`) [uncertain: the
    /// prefixes as the providers issue them and secret scanners list them, not checked against their documentation].
    /// Only a word that starts with it counts (`ask-me`, `risk-free` start with other letters), and `TokenShapes` masks
    /// from 12 characters with a random-looking rest, so `sk-learn` is left (session 33).
    public static let openAI = TokenPrefix("sk-")

    /// `rk_`, as in `rk_live_…`/`rk_test_…`: Stripe's restricted keys, beside its `sk_live_` secret keys (`secretKey`)
    /// and `whsec_` endpoint secrets (Stripe's "API keys" page names `sk_`, `rk_` and `pk_`; `pk_` is publishable, shown).
    public static let stripeRestricted = TokenPrefix("rk_")

    /// `AIza`: a Google API key, `AIza` and 35 characters of `[0-9A-Za-z_-]` [uncertain: the form secret scanners match
    /// (`AIza[0-9A-Za-z-_]{35}`), Google's "Using API keys" page does not state it]. A Maps or Gemini key in a receiver's
    /// error text is a key like any other.
    public static let google = TokenPrefix("AIza")

    /// Package registries' and hosting providers' tokens a receiver's deploy script, CI log or error text carries
    /// (probe34 P34-1: each reached the transcript in clear): npm's `npm_` (npm docs, "About access tokens": granular
    /// and automation tokens), PyPI's `pypi-` (PyPI help, "API tokens"), Shopify's Admin API `shpat_`, `shpca_`,
    /// `shppa_`, `shpss_`, Hugging Face's `hf_` user access tokens, DigitalOcean's `dop_v1_`/`doo_v1_`/`dor_v1_`
    /// (personal, OAuth, refresh), and AWS access key ids: `AKIA…` long-term, `ASIA…` temporary (STS AssumeRole, SSO,
    /// the role of a receiver on Lambda or ECS; AWS IAM user guide, "Unique identifiers": `AKIA` access key, `ASIA`
    /// temporary access key; probe36 P36-3) [uncertain: the prefixes as the providers issue them
    /// and secret scanners (GitHub secret scanning's partner list) match them; not each checked against the provider's
    /// own page]. Google's OAuth access tokens `ya29.…` are not here: a dot ends a word for `TokenShapes`, so KopsShell
    /// `DottedTokens` reads them whole across their dot, as it reads a JWT.
    public static let providers: [TokenPrefix] =
        ["npm_", "pypi-", "shpat_", "shpca_", "shppa_", "shpss_", "hf_", "dop_v1_", "doo_v1_", "dor_v1_", "AKIA", "ASIA"].map { TokenPrefix($0) }

    /// Every prefix, in the order `APIKeyShape.kind(of:)` tries them (they do not overlap). The redactor's byte test
    /// (KopsShell `ShapedCredentials.mayOccur`) builds its table of first letters from this list. Credentials whose
    /// parts are joined by dots (a JSON Web Token `eyJ….eyJ….sig`, SendGrid's `SG.….…`) are no prefix, since a Kapso
    /// cursor is base64 JSON starting `eyJ` too: KopsShell `DottedTokens` reads their whole shape.
    public static let all: [TokenPrefix] =
        [secretKey, webhookSecret, kapso, kopsDemo, metaAccessToken, bearer] + github + slack + [gitlab, openAI, stripeRestricted, google] + providers
}
