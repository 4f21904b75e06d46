import Foundation
import KapsoClient
import KapsoDiagnostics
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester59 AF5 and fix59D AD6.5's rest: a flow answer's PIN, CVV, OTP, `pass` and card number were printed in clear on
/// the terminal, in `--output json` and in a `record --keep-pii` transcript, while `password` was `<redacted>`; in a
/// masked transcript `name=Li` stayed in clear (too short to learn) and `Street Address` became `Street <body 8>` (a body
/// masked inside a field's name). Credentials are now `<redacted>` in every sink; personal answers are masked by position.
@Suite struct AF5FlowSecretAnswersTests {
    static let seed = SimulatorSeed.file(TestSeeds.path("af5-flow-secrets.seed.json"))
    static let secrets = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBRBVjA1QjBDMUQyRTNGF3AAAAAAAAA="
    static let short = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBRBVjA1QjBDMUQyRTNGF2AAAAAAAAA="
    static let address = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBRBVjA1QjBDMUQyRTNGF0AAAAAAAAA="
    /// Every credential the seed's flow answer holds (PIN, CVV, OTP, card numbers, `pass`, `Password`, a nested CVC).
    static let canaries = ["8642", "731", "558213", "4111111111111111", "hunter2", "2468", "5500 0000 0000 0004", "913", "987", "Sesame77"]

    static func leaked(_ text: String) -> [String] {
        canaries.filter { canary in
            // As a whole value: `=731,`, `"731"`, `731\"`.
            text.range(of: "(^|[=\" ])\(NSRegularExpression.escapedPattern(for: canary))($|[,\"\\\\\n])", options: .regularExpression) != nil
        }
    }

    @Test func theTerminalShowsNoCredentialAndThePersonalAnswers() async throws {
        let out = try await withSimulator(seed: Self.seed) { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "use 100200300400501")
            shell.run(line: "message \(Self.secrets)")
            return output.out
        }
        #expect(Self.leaked(out).isEmpty, "\(Self.leaked(out)): \(out)")
        #expect(out.contains("pin=<redacted>") && out.contains("cardNumber=<redacted>") && out.contains("screen_0_Pin_1=<redacted>"), "\(out)")
        // Personal data is shown on the terminal, and a postal PIN code is an address.
        #expect(out.contains("ssn=123-45-6789") && out.contains("in_pin_code=400063") && out.contains("Ana Ruiz"), "\(out)")
    }

    @Test(arguments: ["message \(secrets)", "messages", "messages --all"])
    func jsonShowsNoCredential(command: String) async throws {
        let out = try await withSimulator(seed: Self.seed) { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "use 100200300400501")
            shell.run(line: "output json")
            shell.run(line: command)
            return output.out
        }
        #expect(out.contains("response_json"), "\(out)")
        #expect(Self.leaked(out).isEmpty, "\(Self.leaked(out)): \(out)")
        #expect(out.contains("123-45-6789"), "personal data stays in JSON on the terminal: \(out)")
    }

    @Test func aKeepPIITranscriptHoldsNoCredential() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("af5-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withSimulator(seed: Self.seed) { fixture in
            let (shell, _) = try fixture.shell()
            shell.run(line: "record \(path) --keep-pii")
            shell.run(line: "use 100200300400501")
            shell.run(line: "message \(Self.secrets)")
            shell.run(line: "output json")
            shell.run(line: "message \(Self.secrets)")
            shell.run(line: "record stop")
        }
        let page = try String(contentsOfFile: path, encoding: .utf8)
        #expect(Self.leaked(page).isEmpty, "\(Self.leaked(page)): \(page)")
        #expect(page.contains("ssn=123-45-6789") && page.contains("pin=<redacted>"), "\(page)")
    }

    @Test func aMaskedTranscriptMasksEachAnswerAndNoFieldName() async throws {
        let (page, _) = try await recordMasked(
            ["use 100200300400501", "message \(Self.address)", "message \(Self.short)", "message \(Self.secrets)", "messages"],
            seed: Self.seed, width: nil)
        #expect(Self.leaked(page).isEmpty, "\(Self.leaked(page)): \(page)")
        #expect(!page.contains("name=Li,") && !page.contains("Street <"), "\(page)")
        #expect(page.contains(try Regex(#"flow_token=f4, name=<body \d+>, id_number=<body \d+>"#)), "\(page)")
        #expect(page.contains(try Regex(#"Street Address=<body \d+>, DOB=<body \d+>, tax_id=<body \d+>, card=<redacted>, "#)), "\(page)")
        #expect(page.contains(try Regex(#"pin=<redacted>, cvv=<redacted>, otp=<redacted>, card_number=<redacted>, ssn=<body \d+>"#)), "\(page)")
        #expect(!page.contains("123-45-6789") && !page.contains("5512349876"), "\(page)")
    }

    @Test(arguments: [
        ("pin", "4321", true), ("PIN", "4321", true), ("upi_pin", "1234", true), ("screen_0_Pin_1", "12", true),
        ("cvv", "123", true), ("CVC2", "123", true), ("otp", "998877", true), ("one_time_code", "998877", true),
        ("pass", "x", true), ("Password", "x", true), ("passcode", "x", true), ("card_number", "4", true),
        ("Card No", "4", true), ("cardNumber", "4", true), ("securityCode", "1", true), ("card", "4111 1111 1111 1111", true),
        ("notes", "4111-1111-1111-1111", true), ("api_key", "k", true), ("access_token", "t", true),
        // Personal data, not credentials.
        ("in_pin_code", "400063", false), ("pin_code", "400063", false), ("ssn", "123-45-6789", false),
        ("name", "Li", false), ("Street Address", "Calle Falsa 123", false), ("passport_country", "MX", false),
        ("phone", "4111111111111111", false), ("order_id", "4111111111111112", false), ("id_number", "110101199003077777", false),
        ("Mobile Number", "+5215512345678", false), ("spinner", "a", false), ("compass", "N", false),
    ])
    func whichAnswersAreCredentials(key: String, value: String, secret: Bool) {
        #expect(FlowAnswers.isSecret(key: key, value: .string(value)) == secret)
    }
}
