import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `templates`, `template`, `reply --template` and `sim` on the demo simulator (and a WABA of 2,000 templates).
@Suite struct TemplateCommandTests {
    /// Template messages the simulator holds (the demo seed has one, a failed spring_promo).
    private static let templateMessages = "messages --type template --limit 100 --output json"

    @Test func listsTheWABAOfTheSelectedNumber_AndRemembersNamesForCompletion() async throws {
        let (run, ids) = try await withSimulator { fixture -> (ShellRun, IDCache) in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            let statuses = ["templates --status APPROVED --limit 2", "next"].map { shell.run(line: $0) }
            return (ShellRun(out: output.out, err: output.err, statuses: statuses, baseURL: "", requests: 0, apiKey: ""),
                    shell.context.ids)
        }
        #expect(run.statuses == [.ok, .ok])
        #expect(run.out.contains("spring_promo  en_US     MARKETING  APPROVED  YELLOW   image header + 2 positional"))
        #expect(run.out.contains("part_ready    en_US     UTILITY   APPROVED  GREEN    2 named"))
        #expect(run.err.hasPrefix("showing 2 items (more: next)\n"))
        let names = Completion.candidates(lineBeforeCursor: "reply --template ", registry: .standard, ids: ids)
        #expect(Set(names) == ["spring_promo", "part_ready", "order_update"])
        #expect(Completion.candidates(lineBeforeCursor: "template ", registry: .standard, ids: ids) == names)
        #expect(Set(Completion.candidates(lineBeforeCursor: "reply --language ", registry: .standard, ids: ids)) == ["en_US", "es"])
        #expect(!Completion.candidates(lineBeforeCursor: "whois ", registry: .standard, ids: ids).contains("part_ready"))
    }

    @Test func needsANumber_AndRefusesAnUnknownLanguageCode() async throws {
        let none = try await runShell(["templates"], phoneNumberID: nil)
        #expect(none.statuses == [.failure])
        let bad = try await runShell(["templates --language en-US", "template part_ready --language xx"])
        #expect(bad.statuses == [.usage, .failure])
        #expect(bad.err.contains("expected a WhatsApp template language code such as en_US, es, pt_BR"))
        #expect(bad.err.contains("'xx' is not a WhatsApp template language code (this template has es, en_US)"))
    }

    @Test func showsWhyATemplateCannotBeSent() async throws {
        let run = try await runShell(["template delivery_survey", "template holiday_hours", "template part_redy"])
        #expect(run.statuses == [.ok, .ok, .failure])
        #expect(run.out.contains(
            "send:       cannot be sent: 132001: the template is PENDING (still in Meta's review), so it cannot be sent yet"))
        #expect(run.out.contains("rejected:   INVALID_FORMAT\n"))
        #expect(run.err.contains("no template named 'part_redy' on WABA 200300400500601 (a send would fail with 132001); did you mean 'part_ready'?"))
    }

    @Test(arguments: [
        ("reply --template part_ready --language en_US --param customer_name=Lee", "132000: part_ready: no value for {{order_id}}"),
        ("reply --template part_ready --language en_US --param customer_name=Lee --param order=A",
         "132000: part_ready: 'order' is not a variable of the template"),
        ("reply --template order_update --param A", "132000: order_update: the template needs 4 values"),
        ("reply --template winter_promo --param x", "132015: winter_promo: the template is PAUSED"),
        ("reply --template delivery_survey --param customer_name=Lee", "132001: delivery_survey: the template is PENDING"),
        ("reply --template spring_promo --param a --param b", "132012: spring_promo: the template's header is an IMAGE"),
        ("reply --template login_code --param \(String(repeating: "9", count: 1_025))", "132005: login_code: parameter 1 is 1025 characters"),
        ("reply --template login_code --param 'a     b'", "100: login_code: parameter 1 has a new line, a tab or more than four spaces"),
        ("reply --template spring_promo --header-media ftp://x --param a --param b",
         "100: spring_promo: the header media link 'ftp://x' is not https; Meta fetches only public HTTPS links; give --header-media a public https:// link"),
        ("reply --template part_ready --language en_US --param customer_name=Lee --param customer_name=Bob --param order_id=A",
         "132000: part_ready: {{customer_name}} was given twice; give each variable once"),
        ("reply --template login_code --param ''", "100: login_code: parameter 1 is empty or blank, which Meta refuses"),
        // Numbered values (probe14 P14-2): never sent as the literal "1=A".
        ("reply --template order_update --param 1=A --param 2=B --param 3=C --param 4=D",
         "132000: order_update: the template numbers its header ({{1}}) and its body ({{1}} {{2}} {{3}}) each from {{1}}, "
            + "so '1=A' could be either; give the values without numbers, in order: the header's first, then the body's"),
        ("reply --template part_ready --language en_US --param 1=Lee --param 2=A-1",
         "132000: part_ready: the template's variables are named ({{customer_name}}, {{order_id}}), but '1=Lee' gives a number; "
            + "give each as name=VALUE: --param customer_name=… --param order_id=…"),
        ("reply --template login_code --param 2=123456", "132000: login_code: '2' is not a variable of the template (it has {{1}})"),
        // Meta does not deliver marketing templates to US numbers (probe14 P14-3); a dry run refuses it as well.
        ("reply --template spring_promo --header-media https://cdn.example.test/a.jpg --param a --param b",
         "131049: spring_promo: the template is MARKETING and +1 415 is a US number: Meta does not deliver marketing "
            + "templates to US numbers (paused since 1 Apr 2025); Meta accepts the send, then it fails; send a utility "
            + "template, or add --force to send it anyway"),
        ("reply --template spring_promo --header-media https://cdn.example.test/a.jpg --param a --param b --dry-run",
         "131049: spring_promo: the template is MARKETING and +1 415 is a US number"),
        ("reply --template login_code --param '   '", "100: login_code: parameter 1 is empty or blank, which Meta refuses"),
        // Meta sends no authentication template to a business-scoped user id (131062, probe41 P41-6); a dry run refuses it too.
        ("reply --to US.48210937561029384756 --template login_code --param 123456",
         "131062: login_code: the template is AUTHENTICATION and US.48210937561029384756 is a business-scoped user id: Meta "
            + "sends authentication messages only to phone numbers and refuses this send with 131062; send it to the "
            + "contact's phone number ('whois US.48210937561029384756' shows it when they share one), or add --force to send it anyway"),
        ("reply --to US.48210937561029384756 --template login_code --param 123456 --dry-run",
         "131062: login_code: the template is AUTHENTICATION and US.48210937561029384756 is a business-scoped user id"),
        ("reply --to +14155550142 --template spring_promo --header-media https://cdn.example.test/a.jpg --param a --param b",
         "marketing_preference_stopped: spring_promo: the contact stopped marketing messages on this number"),
    ])
    func refusesBeforeSending(_ line: String, _ error: String) async throws {
        let run = try await runShell(["message \(Demo.leeFailedReply)", line, Self.templateMessages])
        #expect(run.statuses == [.ok, .failure, .ok])
        #expect(run.err.contains("error: reply: not sent: " + error), "\(run.err)")
        #expect(run.out.components(separatedBy: "\"type\": \"template\"").count - 1 == 1, "nothing new was sent")
    }

    @Test func templateFlagsWithoutATemplate_AndTextWithOne_AreUsageErrors() async throws {
        let run = try await runShell([
            "message \(Demo.danaInbound)", "reply --param x hello", "reply --template part_ready --language es hola",
        ])
        #expect(run.statuses == [.ok, .usage, .usage])
        #expect(run.err.contains(
            "error: reply: invalid use of --param '--param x'; expected --param together with --template NAME\n"))
        #expect(run.err.contains(
            "error: reply: invalid text with --template 'hola'; expected no text: a template's words are its own; give its values with --param\n"))
    }

    @Test func forceSendsAnywayAndShowsTheAPIsAnswer() async throws {
        let run = try await runShell(["message \(Demo.leeFailedReply)", "reply --template winter_promo --param x --force"])
        #expect(run.statuses == [.ok, .failure])
        #expect(run.err.contains("--force: sending although 132015: the template is PAUSED by Meta for low quality\n"))
        #expect(run.err.contains("error: reply: not sent: 132015 template paused (HTTP 400)"))
    }

    /// Issue 19: "--force reproduces Meta's answer from the simulator", unknown names and languages included.
    @Test func forceSendsAnUnknownNameOrLanguage_AndShowsTheSimulators132001() async throws {
        let run = try await runShell([
            "message \(Demo.leeFailedReply)", "reply --template nope --force",
            "reply --template part_ready --language fr --param customer_name=a --param order_id=b --force",
            Self.templateMessages,
        ])
        #expect(run.statuses == [.ok, .failure, .failure, .ok])
        #expect(run.err.contains(
            "--force: sending although 132001: no template named 'nope' on WABA 200300400500601 (language en_US, as none was given)\n"))
        #expect(run.err.contains("--force: sending although 132001: template 'part_ready' has no fr version\n"))
        #expect(run.err.components(separatedBy: "error: reply: not sent: 132001").count - 1 == 2, "\(run.err)")
    }

    @Test func sendsAnApprovedTemplateOutsideTheWindow_ThenTraceFollowsItToRead() async throws {
        let run = try await runShell([
            "message \(Demo.leeFailedReply)",
            "reply --template part_ready --language en_US --param customer_name=Lee --param order_id=A-1042",
            "sim advance 10", "trace",
        ])
        #expect(run.statuses == [.ok, .ok, .ok, .ok])
        #expect(run.out.contains(
            "to Lee Park (14155550157): template part_ready (en_US): \"Hi Lee, the replacement part for order A-1042 is ready for pickup.\"\n"))
        #expect(run.out.contains("simulator clock: 2026-11-21T12:00:10Z (moved 10 s forward; what became due ran)\n"))
        #expect(run.out.contains("window:       not needed for a template; closed when sent"))
        #expect(run.out.hasSuffix("verdict: read by the contact 5 s after sending\n"))
    }

    @Test func dryRunShowsTheRenderedTextAndSendsNothing() async throws {
        let run = try await runShell([
            "message \(Demo.leeFailedReply)",
            "reply --template order_update --param A-1042 --param Lee --param A-1042 --param 'on its way' --dry-run",
            Self.templateMessages,
        ])
        #expect(run.statuses == [.ok, .ok, .ok])
        #expect(run.err.contains("renders: template order_update (en_US): header \"Order A-1042\"; \"Hi Lee, your order A-1042 is on its way.\"\n"), "\(run.err)")
        #expect(run.out.contains("\"type\": \"header\""))
        #expect(run.out.components(separatedBy: "\"type\": \"template\"").count - 1 == 2, "the dry run's body and the seed's one")
    }

    /// `--param 1=VALUE` fills {{1}} (Kapso's template node keys positional values by number); the number is not sent.
    @Test func numberedValuesFillTheirVariables() async throws {
        let run = try await runShell(["message \(Demo.leeFailedReply)", "reply --template login_code --param {{1}}=482913 --dry-run"])
        #expect(run.statuses == [.ok, .ok])
        #expect(run.err.contains("renders: template login_code (en_US): \"482913 is your verification code."), "\(run.err)")
        #expect(run.out.contains("\"text\": \"482913\"") && !run.out.contains("1}}="))
    }

    @Test func theConfirmationShowsTheRenderedText_AndNoSendsNothing() async throws {
        let asked = Prompts()
        let run = try await runShell(
            [
                "message \(Demo.leeFailedReply)",
                "reply --template part_ready --language en_US --param customer_name=Lee --param order_id=A-1042",
                Self.templateMessages,
            ],
            configure: { context in
                context.confirm = { prompt in
                    asked.append(prompt)
                    return false
                }
            })
        #expect(run.statuses == [.ok, .ok, .ok])
        #expect(asked.all == [
            "send template part_ready (en_US): \"Hi Lee, the replacement part for order A-1042 is ready for pickup.\" "
                + "to Lee Park (14155550157) from 100200300400501? [y/N] "
        ])
        #expect(run.out.contains("not sent\n"))
        #expect(run.out.components(separatedBy: "\"type\": \"template\"").count - 1 == 1, "nothing new was sent")
    }

    @Test func scriptsNeedAllowWritesForTemplateReplies() async throws {
        let words = ["--template", "part_ready", "--param", "customer_name=Lee"]
        #expect(ScriptPolicy.isWrite(["reply"] + words, registry: .standard))
        #expect(!ScriptPolicy.isWrite(["reply"] + words + ["--dry-run"], registry: .standard))
        #expect(ScriptPolicy.isWrite(["sim", "advance", "10"], registry: .standard))
        #expect(!ScriptPolicy.isWrite(["sim", "clock"], registry: .standard))
        #expect(!ScriptPolicy.isWrite(["templates"], registry: .standard))
    }

    @Test func simRefusesAnAPIThatIsNotTheSimulator() async throws {
        let server = try HostileServer { _ in .json(status: 404, #"{"error":"Not found"}"#) }
        defer { server.stop() }
        let run = try await runShell(["sim clock"], configure: { context in
            context.client = KapsoClient(baseURL: server.baseURL, apiKey: context.client.apiKey, transport: context.client.transport)
        })
        #expect(run.statuses == [.failure])
        #expect(run.err.contains("is not kapso-sim (no /__sim control endpoints)"))
    }

    /// A LOCATION-header template is sent with the place, as Meta takes it; a link is refused before sending, and
    /// with --force the simulator answers Meta's 132012 (probe2 F24).
    @Test func locationHeaderTemplatesAreSentWithAPlace() async throws {
        let path = FileManager.default.temporaryDirectory.path + "/kops-location-\(UInt32.random(in: 0...UInt32.max)).json"
        let seed = #"{"phone_numbers":[{"id":"100200300400599","phone_number_id":"100200300400599","internal_id":"u","name":"Map","#
            + #""business_account_id":"300400500600700","created_at":"2026-10-01T00:00:00Z","updated_at":"2026-10-01T00:00:00Z"}],"#
            + #""message_templates":[{"id":"91","name":"loc_head","language":"en_US","status":"APPROVED","category":"UTILITY","#
            + #""business_account_id":"300400500600700","components":[{"type":"HEADER","format":"LOCATION"},{"type":"BODY","text":"We are here"}]}],"#
            + #""conversations":[{"id":"d4f5b6c7-3e4a-4b5c-9d6e-8f9012345699","phone_number":"14155550157","status":"active","#
            + #""last_active_at":"2026-11-20T09:00:00Z","created_at":"2026-11-18T16:02:44Z","phone_number_id":"100200300400599"}]}"#
        try seed.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (statuses, out, err) = try await withSimulator(seed: .file(path)) { fixture -> ([KopsShell.ExitStatus], String, String) in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400599")
            let statuses = [
                "template loc_head",
                "reply --to 14155550157 --template loc_head --dry-run",
                "reply --to 14155550157 --template loc_head --header-media https://x.example.test/a.jpg --dry-run",
                "reply --to 14155550157 --template loc_head --header-location 37.4833,-122.149,'Acme HQ','1 Hacker Way, Menlo Park' --dry-run",
                "reply --to 14155550157 --template loc_head --header-location 37.4833,-122.149",
                "reply --to 14155550157 --template loc_head --header-media https://x.example.test/a.jpg --force",
                "reply --to 14155550157 --template loc_head --header-location 95,0",
            ].map { shell.run(line: $0) }
            return (statuses, output.out, output.err)
        }
        #expect(statuses == [.ok, .failure, .failure, .ok, .ok, .failure, .usage], "\(err)")
        #expect(out.contains("header location (--header-location LAT,LON[,NAME[,ADDRESS]])"))
        #expect(out.contains("reply --template loc_head --language en_US --header-location LAT,LON"))
        #expect(err.components(separatedBy: "132012: loc_head: the template's header is a LOCATION").count - 1 == 2, "\(err)")
        #expect(out.contains(#""latitude": "37.4833""#), "\(out)")
        #expect(out.contains(#""address": "1 Hacker Way, Menlo Park""#))
        #expect(!out.contains(#""link""#))
        #expect(out.contains("to 14155550157: template loc_head (en_US)"), "the simulator takes the place: \(out)")
        #expect(err.contains("not sent: 132012"), "a link for a LOCATION header is Meta's 132012: \(err)")
        #expect(err.contains("invalid value for --header-location '95,0'"))
    }

    @Test func streamsTwoThousandTemplatesPageByPage() async throws {
        let path = FileManager.default.temporaryDirectory.path + "/kops-templates-\(UInt32.random(in: 0...UInt32.max)).json"
        var templates: [String] = []
        for index in 0..<2_000 {
            templates.append(
                #"{"id":"9\#(index)","name":"t\#(index)","language":"en_US","status":"APPROVED","category":"UTILITY","#
                    + #""business_account_id":"300400500600700","created_at":"2026-10-01T00:00:00Z","#
                    + #""components":[{"type":"BODY","text":"Hello {{1}}"}]}"#)
        }
        let seed = #"{"phone_numbers":[{"id":"100200300400599","phone_number_id":"100200300400599","internal_id":"u","name":"Big","#
            + #""business_account_id":"300400500600700","created_at":"2026-10-01T00:00:00Z","updated_at":"2026-10-01T00:00:00Z"}],"#
            + #""message_templates":[\#(templates.joined(separator: ","))]}"#
        try seed.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (emitted, requests, err) = try await withSimulator(seed: .file(path)) { fixture -> (Int, Int, String) in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400599")
            var pages = 0
            let show = shell.context.emit
            shell.context.emit = { result in
                pages += 1
                show(result)
            }
            let before = fixture.counters().requests
            #expect(shell.run(line: "templates --all") == .ok)
            return (pages, fixture.counters().requests - before, output.err)
        }
        // One page of 100 at a time is shown as it arrives: 20 pages, plus the number's look-up.
        #expect(emitted == 20)
        #expect(requests == 21)
        #expect(err.hasSuffix("2000 templates on WABA 300400500600700\n"))
    }
}

/// Confirmation prompts a test saw (written on the shell's thread, read after it finished).
private final class Prompts: @unchecked Sendable {
    private let lock = NSLock()
    private var prompts: [String] = []

    func append(_ prompt: String) {
        lock.lock()
        prompts.append(prompt)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return prompts
    }
}
