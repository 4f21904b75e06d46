import Foundation
import KapsoClient
import KapsoDiagnostics
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester62 AK4: a flow answer whose field names a password, PIN or secret in Italian, Polish, Russian, Chinese, Japanese,
/// Korean, Turkish, Swedish, Finnish, Norwegian, Catalan, Indonesian, Malay, Vietnamese, Thai, Hindi or Arabic, and an
/// answer sent as a name/value pair (`{"name":"password","value":"…"}`, `{"label":"PIN","answer":"…"}`), was printed in
/// clear. Names are now read without case or diacritics in those languages too, and pairs by their name.
@Suite struct AK4FlowCredentialNamesTests {
    static let seed = SimulatorSeed.file(TestSeeds.path("ak4-flow-credential-names.seed.json"))
    /// Every credential the seed's flow answers hold.
    static let canaries = [
        "Ordine22", "Haslo33", "Parol44", "Mima55", "Pasu66", "9071", "Bimil77", "Sifre88", "Parola99", "Losen12", "Sala13",
        "Pass14", "Contra15", "Sandi16", "Laluan17", "Matkhau18", "Rahat19", "Pasvard20", "Kalima21", "Upper22", "Pair23", "6283",
    ]

    @Test(arguments: [
        ("parola d'ordine", "x", true), ("Parola", "x", true), ("hasło", "x", true), ("HASŁO", "x", true), ("haslo", "x", true),
        ("Пароль", "x", true), ("ваш_пароль", "x", true), ("пин-код", "1234", true), ("密码", "x", true), ("请输入密码", "x", true),
        ("パスワード", "x", true), ("暗証番号", "1234", true), ("비밀번호", "x", true), ("비밀번호확인", "x", true), ("Şifre", "x", true),
        ("sifre", "x", true), ("lösenord", "x", true), ("LOSENORD", "x", true), ("salasana", "x", true), ("passord", "x", true),
        ("contrasenya", "x", true), ("Kata Sandi", "x", true), ("kata_laluan", "x", true), ("mật khẩu", "x", true),
        ("Mật Khẩu", "x", true), ("รหัสผ่าน", "x", true), ("पासवर्ड", "x", true), ("كلمة المرور", "x", true),
        ("codice", "482913", true), ("kod", "482913", true),
        ("parola chiave", "negozio", false), ("codice_postale", "00184", false), ("kod pocztowy", "00950", false),
        ("nip", "5260250274", false), ("nazwa", "Ana", false), ("имя", "Анна", false), ("名前", "花子", false), ("kata", "x", false),
    ] as [(String, JSONValue, Bool)])
    func aFieldIsReadByItsWordsInEveryLanguage(_ key: String, _ value: JSONValue, _ secret: Bool) {
        #expect(FlowAnswers.isSecret(key: key, value: value) == secret, "\(key)")
    }

    @Test(arguments: [
        #"{"flow_token":"t","fields":[{"name":"password","value":"Pair23"},{"name":"email","value":"ana@example.com"}]}"#,
        #"{"flow_token":"t","answers":[{"label":"PIN","answer":"6283"},{"label":"City","answer":"Lyon"}]}"#,
        #"{"Name":"Hasło","Value":"Pair23","note":"ana@example.com"}"#,
        #"[{"label":"PIN","answer":"6283"},{"question":"City","answer":"Lyon"}]"#,
    ])
    func aNameValuePairIsMaskedByItsName(_ response: String) {
        let text = Redactor().redact(.object(["response_json": .string(response)])).serialized()
        #expect(!text.contains("Pair23") && !text.contains("6283") && text.contains("<redacted>"), "\(text)")
        #expect(text.contains("ana@example.com") || text.contains("Lyon"), "\(text)")
    }

    @Test func theTerminalAndJSONShowNoCredential() async throws {
        let (table, json) = try await withSimulator(seed: Self.seed) { fixture -> (String, String) in
            let (shell, output) = try fixture.shell()
            shell.run(line: "use 100200300400501")
            shell.run(line: "messages")
            let table = output.out
            shell.run(line: "messages --output json")
            return (table, String(output.out.dropFirst(table.count)))
        }
        for (view, text) in [("table", table), ("json", json)] {
            let leaked = Self.canaries.filter { text.contains($0) }
            #expect(leaked.isEmpty, "\(view): \(leaked): \(text)")
        }
        // Personal answers stay on the terminal: a name, a tax id, an e-mail.
        #expect(table.contains("nip=5260250274") && table.contains("Ana Nowak") && table.contains("ana@example.com"), "\(table)")
    }

    @Test func aKeepPIITranscriptHoldsNoCredential() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ak4-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withSimulator(seed: Self.seed) { fixture in
            let (shell, _) = try fixture.shell()
            shell.run(line: "record \(path) --keep-pii")
            shell.run(line: "use 100200300400501")
            shell.run(line: "messages")
            shell.run(line: "record stop")
        }
        let page = try String(contentsOfFile: path, encoding: .utf8)
        let leaked = Self.canaries.filter { page.contains($0) }
        #expect(leaked.isEmpty, "\(leaked): \(page)")
    }
}
