import Foundation
import KopsTestSupport
import Testing

/// probe18 P18-21: the script `kops completions bash` prints, sourced in a real bash and asked as a Tab press asks it
/// (COMP_WORDS, COMP_CWORD, then the function `complete -p kops` names): files for `run`/`check`/`--record`/`--file`,
/// the verbs, and the values of `--output`, `--profile` and `completions`; never "help".
@Suite struct BashCompletionTests {
    @Test func completesVerbsFilesAndValues() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-comp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("cfg/kops"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["s1.md", "s1.kops", "s2.kops", "notes.txt"] {
            #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil))
        }
        try Data("[profiles.acme]\nbase_url = \"https://api.kapso.ai\"\n\n[profiles.eagle-2]\n".utf8)
            .write(to: folder.appendingPathComponent("cfg/kops/config.toml"))
        let script = try await offPool { try ProcessRunner.run("kops", ["completions", "bash"]) }
        #expect(script.status == 0)
        try Data(script.stdout.utf8).write(to: folder.appendingPathComponent("kops.bash"))

        let asked = [
            "kops check s1", "kops run s", "kops ", "kops ch", "kops completions ", "kops --output ", "kops --output j",
            "kops run s1.kops --record ", "kops verify --file n", "kops verify --s", "kops --profile ", "kops check s1.md --u",
            "kops run notes",
        ]
        let driver = """
            cd '\(folder.path)' || exit 9
            source ./kops.bash
            f=$(complete -p kops | sed -n 's/.* -F \\([^ ]*\\) .*/\\1/p')
            comp() {
                read -r -a COMP_WORDS <<< "$1"
                [[ "$1" == *" " ]] && COMP_WORDS+=("")
                COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE="$1"; COMP_POINT=${#1}; COMPREPLY=()
                "$f"
                echo "$1|$(printf '%s\\n' "${COMPREPLY[@]}" | sort | tr '\\n' ' ')"
            }
            \(asked.map { "comp '\($0)'" }.joined(separator: "\n"))
            """
        let result = try await offPool {
            try ProcessRunner.run(
                "/bin/bash", ["--norc", "--noprofile", "-c", driver],
                environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("cfg").path])
        }
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "kops check s1|s1.md ",
            "kops run s|s1.kops s2.kops sub ",
            "kops |bundle check completions run verify ",
            "kops ch|check ",
            "kops completions |bash fish zsh ",
            "kops --output |auto expanded json table ",
            "kops --output j|json ",
            "kops run s1.kops --record |cfg s1.md sub ",
            "kops verify --file n|notes.txt ",
            "kops verify --s|--secret --signature ",
            "kops --profile |acme eagle-2 ",
            "kops check s1.md --u|--update ",
            // No .kops file starts so: any file.
            "kops run notes|notes.txt ",
        ], "\(result.stdout)\n\(result.stderr)")
        #expect(!result.stdout.contains("help"))
    }

    /// Nothing completed falls back to bash's own file names rather than to nothing.
    @Test func registersWithAFileNameFallback() async throws {
        let script = try await offPool { try ProcessRunner.run("kops", ["completions", "bash"]) }
        let result = try await offPool {
            try ProcessRunner.run("/bin/bash", ["--norc", "--noprofile", "-c", script.stdout + "\ncomplete -p kops"])
        }
        #expect(result.stdout.contains("-o default"), "\(result.stdout)")
    }
}
