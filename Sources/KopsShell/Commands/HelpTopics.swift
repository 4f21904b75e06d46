/// Help pages that are not about one command: `help topics`, `help exit-codes`, ...
public enum HelpTopics {
    /// Topic name → the one line `help topics` shows for it. The exit codes listed are read from the `exit-codes` page
    /// (`pageExitCodes`), so the index cannot lack one the page has (probe27 P27-11: 141 was missing).
    public static let summaries = [
        "exit-codes": "what each exit status of kops means (\(pageExitCodes.map(String.init).joined(separator: ", ")))",
        "scripts": "kops run, source, variables, assert and capture, and writes in scripts (--allow-writes)",
        "transcripts": "record a session as Markdown for a ticket, and replay it with kops check",
        "configuration": "profiles, keys, base URL, output, colour, timeout, history: flags and environment",
        "log-search": "one search over API calls, Meta's webhooks, message events and deliveries: where to start",
    ]

    /// Topic name → its text, in the order `help topics` lists them.
    public static let all: [(name: String, text: String)] = [
        ("exit-codes", """
            0    ok
            1    a command failed, or a check found a problem: an API error, health not
                 healthy, webhooks check errors, a failed assert, an invalid signature,
                 a write refused without --allow-writes, a transcript whose output changed
                 or whose writes 'kops check --allow-writes' sent only in part
            64   usage: unknown command or flag, missing argument, bad value, script
                 syntax, no API key (also 'kops check' of a transcript whose commands
                 needed one: nothing was sent, so nothing was checked; or of one
                 with no commands, or none of whose commands could be replayed)
            65   the input cannot answer the check: 'verify' given a request-bin export
                 that kept the body parsed (the signed bytes are gone)
            66   a script, transcript or input file was not found or cannot be read
            69   the API is unreachable (DNS, connect, TLS, timeout, a reply not HTTP)
            74   standard output took no more text (a full disk, a closed descriptor):
                 what was printed is cut short, so kops stopped at that command
            75   a write was sent but no answer came: it may have taken effect; check
                 before retrying
            77   the API key was rejected (401) or its api_key_command failed
            130  Ctrl-C stopped a script before its end (128 + SIGINT, as shells say)
            141  the reader of a pipe left ('kops ... | head'): kops ends silently by
                 SIGPIPE, as git and psql do (128 + SIGPIPE, as shells say)

            kops -c, piped input and scripts stop at the first failing line and exit
            with its status ('set on_error continue' runs on, and exits with the first)
            """),
        ("scripts", """
            usage: kops run FILE.kops [--var k=v]... [--allow-writes] [--record OUT.md]; in the shell: source FILE.kops

            One command per line; '#' starts a comment; '\\' at the end continues a line (not inside a comment, which \
            ends at the line's end), in a script and at the prompt; ${name} and ${env:NAME} are replaced.
            A script stops at the first failing line (FILE.kops:LINE: error: ...) unless it says 'set on_error continue'.
            A script and -c are checked whole before their first line runs (after 'set on_error continue' a line \
            failing the check fails at its turn); piped input (<stdin>:LINE) is read as it comes and stops the same way.

            Paths: inside a script every relative path a line names is read or written from the script's folder, as \
            psql's \\ir reads an included file (not from the current directory, as bash's source does): source FILE, \
            verify --file FILE, record FILE.md (and its .restore file), bundle FILE.md, replay FILE|DIR and listen \
            --save DIR; so a playbook finds and leaves its files beside it wherever it is run from. At the prompt, in -c \
            and in piped input they are the current directory's. Absolute paths and ~/ are used as given.

            Writes (webhooks create|update|delete|test, reply) need --allow-writes, or a yes at a terminal; --dry-run \
            is never a write.
            'assert PATH OP VALUE' checks the last result; 'capture PATH as NAME' keeps a value.
            """),
        ("transcripts", """
            'record [FILE.md]' starts a Markdown transcript of what you type and see; 'record stop' ends it.
            Secrets are always redacted; phone numbers and names are masked unless 'record --keep-pii'.
            'kops check FILE.md' replays a transcript and shows what changed; it replays with the transcript's own \
            settings and lines, as recorded, so --record, --var and --output do not go with it.
            """),
        ("configuration", """
            precedence: flags > environment > profile > defaults
            --profile or KOPS_PROFILE          the config.toml profile to use (default: its default_profile)
            --base-url or KAPSO_API_BASE_URL   API host only (https://api.kapso.ai); /platform/v1 is appended
            KAPSO_API_KEY                      the project API key (never printed; sent as X-API-Key)
            --output or 'output MODE'          table, json, expanded, auto
            --no-color or NO_COLOR             no colour; colour is also off when output is not a terminal
            --timeout SECONDS                  per request (default 30)
            XDG_STATE_HOME                     history in $XDG_STATE_HOME/kops/history (0600; history-NAME per
                                               profile); lines starting with a space or carrying secrets are
                                               not saved; KOPS_HISTORY_SIZE entries are kept (default 1000)
            XDG_CONFIG_HOME                    profiles in $XDG_CONFIG_HOME/kops/config.toml: base_url,
                                               api_key_env or api_key_command, phone_number_id, output, color
            kops --demo                        the built-in simulator with demo data, nothing leaves the machine
            """),
        ("log-search", """
            'logs search [QUERY]' searches Kapso's log search: every source at once, newest first.

            sources: api (external_api_log), meta (whatsapp_webhook_event: what Meta told Kapso),
                     message (whatsapp_message_event), delivery (webhook_delivery), flow, function

            Start from what you have:
            - an id (WAMID, request id, delivery id): 'logs search ID --period 7d'
            - a moment, or an id's moment: 'logs search --around 2026-11-21T11:35:00Z', or \
            'logs search --source meta --around WAMID'
            - what failed this week: 'logs search --problems --period 7d'
            - one webhook's deliveries, live: 'logs search --filter webhook_id=ID --follow'

            'available: false' means search is not enabled for the project: kops says so and exits 1; \
            trace and errors then say so in one line and use the separate logs as before.
            """),
    ]

    /// Names of `kops` verbs (no shell commands) that open a topic: `help run` is the scripts topic, `help check` transcripts.
    public static let aliases = ["run": "scripts", "check": "transcripts"]

    /// The statuses the `exit-codes` page explains, in its order: the number each of its rows starts with.
    static var pageExitCodes: [Int] {
        let page = all.first { $0.name == "exit-codes" }?.text ?? ""
        return page.split(separator: "\n").compactMap { line in line.first?.isNumber == true ? Int(line.prefix { $0.isNumber }) : nil }
    }

    public static func text(_ name: String) -> String? {
        all.first { $0.name == (aliases[name] ?? name) }?.text
    }
}
