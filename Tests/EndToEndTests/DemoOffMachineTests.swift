import Foundation
import KopsTestSupport
import Testing

/// probe24 P24-8: `kops --demo` writes to its own simulator without `--allow-writes`, but a script, `-c` or piped input
/// that would send deliveries to a URL off this machine (`webhooks fire|probe`, `replay`, `listen --forward-to`) is
/// refused as it is off the demo: a demo script once posted signed test events to a real handler.
@Suite struct DemoOffMachineTests {
    @Test(arguments: [
        (["-c", "webhooks fire whatsapp.message.received --to https://hooks.example.invalid/kapso --secret x"], "", "-c:1", "webhooks fire"),
        (["-c", "listen --forward-to https://hooks.example.invalid/kapso"], "", "-c:1", "listen"),
        ([], "state\nreplay /nonexistent.http --to https://hooks.example.invalid/kapso\n", "<stdin>:2", "replay"),
    ])
    func aSendOffThisMachineNeedsAllowWritesInTheDemo(arguments: [String], stdin: String, location: String, label: String) async throws {
        let result = try await offPool { try ProcessRunner.run("kops", ["--demo"] + arguments, stdin: stdin) }
        #expect(result.status != 0)
        #expect(result.stderr.contains(
            "\(location): error: '\(label)' sends to a URL off this machine, which scripts do only with --allow-writes"),
            "\(result.stderr)")
        #expect(result.stderr.contains("API calls stay on this machine"))
    }

    @Test func aProbeOfAWebhookOffThisMachineStopsTheDemoScript() async throws {
        let result = try await offPool { () -> ProcessResult in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-demo-probe-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let script = folder.appendingPathComponent("probe.kops")
            try """
                use 100200300400501
                webhooks create --url https://hooks.example.invalid/kapso --events whatsapp.message.received
                capture .id as hook
                webhooks probe ${hook}
                """.write(to: script, atomically: true, encoding: .utf8)
            return try ProcessRunner.run("kops", ["--demo", "run", script.path])
        }
        #expect(result.status != 0)
        #expect(result.stderr.contains("probe.kops:4: error: 'webhooks probe' sends to a URL off this machine"), "\(result.stderr)")
        #expect(!result.stdout.contains("signed"), "\(result.stdout)")
    }

    /// Writes that stay on this machine (the demo simulator, a loopback handler) still need no `--allow-writes`.
    @Test func aLoopbackFireAndASimulatorWriteNeedNoPermission() async throws {
        let result = try await offPool {
            try ProcessRunner.run("kops", [
                "--demo", "-c", "use 100200300400501",
                "-c", "webhooks create --url https://hooks.example.invalid/kapso --events whatsapp.message.received",
                "-c", "webhooks fire whatsapp.message.received --to http://127.0.0.1:9/hook --secret x",
            ])
        }
        #expect(result.stdout.contains("created webhook"), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("not accepted") || result.stderr.contains("not accepted"), "\(result.stdout)\(result.stderr)")
        #expect(!result.stderr.contains("--allow-writes"), "\(result.stderr)")
    }
    /// probe27 P27-23: a `--demo` script or `-c` that runs `profile use` leaves the simulator: its writes go to that
    /// profile's API from then on and are refused without `--allow-writes`, as in any script (a demo `-c` sent a real
    /// message through the prod profile). Before the switch the demo's own writes still need nothing.
    @Test func aDemoScriptThatLeavesTheSimulatorWritesNothingWithoutPermission() async throws {
        let result = try await offPool { () -> ProcessResult in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-demo-leave-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("kops"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try "[profiles.prod]\nbase_url = \"http://127.0.0.1:9\"\napi_key_env = \"PROD_KEY\"\n"
                .write(to: folder.appendingPathComponent("kops/config.toml"), atomically: true, encoding: .utf8)
            return try ProcessRunner.run(
                "kops", [
                    "--demo", "-c", "use 100200300400501", "-c", "reply --to +14155550142 --force from the demo",
                    "-c", "profile use prod", "-c", "reply --to +14155550142 --force hello",
                ], environment: ["XDG_CONFIG_HOME": folder.path, "PROD_KEY": "kapso_test_prod_0001"])
        }
        #expect(result.status != 0)
        #expect(result.stdout.contains("sent wamid."), "\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("this script has left the demo simulator"), "\(result.stdout)")
        #expect(result.stderr.contains("-c:4: error: 'reply' changes data and scripts are read-only"), "\(result.stderr)")
    }
}
