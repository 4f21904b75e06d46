import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// Every way a server can fail a reply, against a read and a write: one `error:` line, the right exit
/// status, a write sent once and never retried, and no wait past the timeout.
@Suite struct FaultMatrixTests {
    static let read = "numbers"
    static let write = "webhooks create --url https://example.com/hook --events whatsapp.message.received"

    /// A fault and what a read and a write must say about it.
    struct Fault: Sendable, CustomStringConvertible {
        var name: String
        var reply: HostileServer.Reply
        var readError: String
        var readStatus: KopsShell.ExitStatus
        var writeError: String
        var writeStatus: KopsShell.ExitStatus = .unknownOutcome
        /// The request timeout, seconds: 2 where the fault is a silence, long elsewhere so that a loaded
        /// machine (CI runs every suite at once on 2 cores) cannot turn a cut answer into a timeout.
        var timeout: Double = 30
        var description: String { name }
    }

    static let unknown = "error: the request was sent but no answer came ("
    static let webhookMayExist = "the webhook may exist; check with 'webhooks'"

    static let fault0 = Fault(
            name: "garbage instead of HTTP", reply: .init(Array("HELLO THERE\r\n\r\n".utf8)),
            readError: "error: connection to 127.0.0.1 failed: ", readStatus: .unavailable,
            writeError: unknown)
    static let fault1 = Fault(
            name: "nothing at all", reply: .init([]),
            readError: "error: connection to 127.0.0.1 failed: ", readStatus: .unavailable, writeError: unknown)
    static let fault2 = Fault(
            name: "body cut short",
            reply: .init(Array("HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\n{\"data\":".utf8)),
            readError: "error: connection to 127.0.0.1 failed: ", readStatus: .unavailable, writeError: unknown)
    static let fault3 = Fault(
            name: "chunked reply cut",
            reply: .init(Array("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"data\":".utf8)),
            readError: "error: connection to 127.0.0.1 failed: ", readStatus: .unavailable, writeError: unknown)
    static let fault4 = Fault(
            name: "invalid UTF-8 in a 2xx", reply: .http(status: 201, body: Array("{\"data\":{\"id\":\"".utf8) + [0xFF, 0xFE] + Array("\"}}".utf8)),
            readError: "error: unexpected response (HTTP 201): the body is not valid JSON", readStatus: .failure,
            writeError: unknown + "the 201 answer's body is not valid JSON): " + webhookMayExist)
    static let fault5 = Fault(
            name: "silence past the timeout", reply: .init([], holdOpen: 6),
            readError: "error: request to 127.0.0.1 timed out after 2 s", readStatus: .unavailable,
            writeError: unknown + "no answer within 2 s): " + webhookMayExist, timeout: 2)
    static let fault6 = Fault(
            name: "headers, then silence",
            reply: .init(Array("HTTP/1.1 201 Created\r\nContent-Length: 50\r\n\r\n{".utf8), holdOpen: 6),
            readError: "error: request to 127.0.0.1 timed out after 2 s", readStatus: .unavailable,
            writeError: unknown + "no answer within 2 s): " + webhookMayExist, timeout: 2)
    static let fault7 = Fault(
            name: "endless headers",
            reply: .init(Array(("HTTP/1.1 200 OK\r\n" + String(repeating: "X-Pad: " + String(repeating: "a", count: 1000) + "\r\n", count: 300)).utf8)),
            readError: "error: the response headers passed kops's limit of 64 KiB from 127.0.0.1", readStatus: .failure,
            writeError: unknown + "the response headers passed kops's limit of 64 KiB): " + webhookMayExist)
    static let fault8 = Fault(
            name: "one giant header line",
            reply: .init(Array(("HTTP/1.1 200 OK\r\nX-Big: " + String(repeating: "b", count: 200_000) + "\r\n\r\n").utf8)),
            readError: "error: a response header line passed libcurl's limit of 100 KiB from 127.0.0.1", readStatus: .failure, writeError: unknown)
    static let fault9 = Fault(
            name: "declared body over the limit",
            reply: .init(Array("HTTP/1.1 200 OK\r\nContent-Length: 2000000\r\n\r\n{".utf8), holdOpen: 6),
            readError: "error: the response body passed kops's limit of 1 MiB (decoded) from 127.0.0.1", readStatus: .failure,
            writeError: unknown + "the response body passed kops's limit of 1 MiB (decoded)): " + webhookMayExist)
    static let fault10 = Fault(
            name: "chunked body over the limit",
            reply: .init(
                Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
                    + Array(repeating: Array("4000\r\n".utf8) + Array(repeating: UInt8(ascii: " "), count: 0x4000) + Array("\r\n".utf8), count: 80).flatMap { $0 }
                    + Array("0\r\n\r\n".utf8)),
            readError: "error: the response body passed kops's limit of 1 MiB (decoded) from 127.0.0.1", readStatus: .failure,
            writeError: unknown + "the response body passed kops's limit of 1 MiB (decoded)): " + webhookMayExist)
    static let fault11 = Fault(
            name: "gzip bomb",
            reply: .http(headers: ["Content-Type: application/json", "Content-Encoding: gzip"], body: FaultMatrixTests.gzipBomb),
            readError: "error: the response body passed kops's limit of 1 MiB (decoded) from 127.0.0.1", readStatus: .failure,
            writeError: unknown + "the response body passed kops's limit of 1 MiB (decoded)): " + webhookMayExist)
    static let fault12 = Fault(
            name: "HTML error page", reply: .http(status: 502, headers: ["Content-Type: text/html"], body: Array("<html>\u{1B}[2Jbad gateway</html>".utf8)),
            readError: "error: unexpected response (HTTP 502): the error body is not JSON; body starts: '<html>\\x1b[2Jbad gateway</html>'",
            readStatus: .failure,
            // A gateway's 502 to a write says nothing about whether the write happened (probe26 P26-16).
            writeError: "error: the outcome is unknown: the API answered 502 (the error body is not JSON, starting "
                + "'<html>\\x1b[2Jbad gateway</html>'), a gateway that got no valid answer from the server behind it; "
                + webhookMayExist.replacingOccurrences(of: "; check", with: ": check") + " before retrying")
    static let faults: [Fault] = [fault0, fault1, fault2, fault3, fault4, fault5, fault6, fault7, fault8, fault9, fault10, fault11, fault12]

    /// 8 MiB of spaces, gzipped to a few KB by the system's gzip.
    static let gzipBomb: [UInt8] = {
        guard let pipe = try? ChildPipe() else { return [] }
        let process = try? ChildProcess(
            executable: "/bin/sh", arguments: ["-c", "head -c 8388608 /dev/zero | tr '\\0' ' ' | gzip -c"],
            stdout: .descriptor(pipe.writeEnd))
        close(pipe.writeEnd)
        let data = pipe.readAll()
        process?.wait()
        return data
    }()

    private func run(_ line: String, against fault: Fault) async throws -> (
        status: KopsShell.ExitStatus, out: String, err: String, requests: [HostileServer.Request], seconds: Double
    ) {
        try await offPool {
            let server = try HostileServer { _ in fault.reply }
            defer { server.stop() }
            let (shell, output) = try server.shell(timeout: fault.timeout, limits: .init(bodyBytes: 1 << 20, headerBytes: 64 << 10))
            let started = ContinuousClock.now
            let status = shell.run(line: line)
            let elapsed = started.duration(to: .now).components
            return (status, output.out, output.err, server.requests, Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
        }
    }

    @Test(arguments: faults) func aReadFailsWithOneLine(_ fault: Fault) async throws {
        let (status, out, err, requests, seconds) = try await run(Self.read, against: fault)
        #expect(status == fault.readStatus)
        #expect(out == "")
        let lines = err.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "one line: \(err.debugDescription)")
        #expect(err.hasPrefix(fault.readError), "\(err.debugDescription)")
        #expect(!err.unicodeScalars.contains { VisibleText.needsEscape($0) && $0 != "\n" })
        #expect(requests.count == 1)
        #expect(seconds < fault.timeout + 4, "took \(seconds) s with a \(fault.timeout) s timeout")
    }

    @Test(arguments: faults) func aWriteWithALostAnswerIsUnknownAndNotRetried(_ fault: Fault) async throws {
        let (status, out, err, requests, seconds) = try await run(Self.write, against: fault)
        #expect(status == fault.writeStatus)
        #expect(out == "")
        let lines = err.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "one line: \(err.debugDescription)")
        #expect(err.hasPrefix(fault.writeError), "\(err.debugDescription)")
        if fault.writeStatus == .unknownOutcome {
            // A server error that came back (fault12's 502 page) is checked before retrying; a lost answer is checked.
            let answered = fault.writeError.hasPrefix("error: the outcome is unknown: ")
            let ending: String = answered
                ? Self.webhookMayExist.replacingOccurrences(of: "; check", with: ": check") + " before retrying\n"
                : Self.webhookMayExist + "\n"
            #expect(err.hasSuffix(ending), "\(err.debugDescription)")
        }
        #expect(requests.count == 1, "sent \(requests.count) times")
        #expect(requests.first?.method == "POST")
        #expect(seconds < fault.timeout + 4, "took \(seconds) s with a \(fault.timeout) s timeout")
    }

    @Test func aListWhoseCursorNeverEndsStopsWithOneLine() async throws {
        let (status, err, requests) = try await offPool {
            let server = try HostileServer { _ in
                .json(#"{"data":[],"paging":{"cursors":{"after":"c1"},"next":"c1","previous":null}}"#)
            }
            defer { server.stop() }
            let (shell, output) = try server.shell()
            let status = shell.run(line: "deliveries --all")
            return (status, output.err, server.requests.count)
        }
        #expect(status == .failure)
        #expect(err == "error: the API returned a page cursor it had already given; stopped instead of looping (a server bug); try again\n")
        #expect(requests == 2)
    }

    /// kapso-sim's own faults (its fault flags and control endpoint take the same specs) against a read and
    /// a write; `truncate` cuts the real answer, so the webhook exists although its answer was lost.
    @Test(arguments: [
        ("reset", KopsShell.ExitStatus.unavailable, KopsShell.ExitStatus.unknownOutcome, false),
        ("truncate", .unavailable, .unknownOutcome, true),
        // A 502 page or a 500 to a write leaves its outcome unknown (probe26 P26-16), though this simulator's fault
        // answers before the write happens.
        ("html", .failure, .unknownOutcome, false),
        ("500", .failure, .unknownOutcome, false),
        ("latency=7000ms", .unavailable, .unknownOutcome, true),
    ])
    func simulatorFaults(spec: String, read: KopsShell.ExitStatus, write: KopsShell.ExitStatus, created: Bool)
        async throws
    {
        let result = try await offPool {
            let fixture = try SimulatorFixture()
            let client = try fixture.client(timeout: 4)
            let context = ShellContext(
                session: Session(baseURL: client.baseURL, phoneNumberID: "100200300400501"), client: client,
                registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            try fixture.setFaults(spec)
            let before = fixture.counters().requests
            let readStatus = shell.run(line: Self.read)
            let readErr = output.err
            let writeStatus = shell.run(
                line: "webhooks create --url https://example.com/fault-\(spec.prefix(5)) --events whatsapp.message.received")
            let sent = fixture.counters().requests - before
            try fixture.setFaults("")
            // A delayed answer's write lands when the delay ends: look for it for a while before saying no.
            var exists = false
            for _ in 0..<(spec.hasPrefix("latency") ? 40 : 1) where !exists {
                let list = try fixture.client().webhooks(.phoneNumber("100200300400501"), perPage: 100)
                exists = list.items.contains { $0.url == "https://example.com/fault-\(spec.prefix(5))" }
                if !exists { Thread.sleep(forTimeInterval: 0.25) }
            }
            return (readStatus, readErr, writeStatus, String(output.err.dropFirst(readErr.count)), sent, exists)
        }
        let (readStatus, readErr, writeStatus, writeErr, sent, exists) = result
        #expect(readStatus == read)
        #expect(readErr.hasPrefix("error: ") && readErr.filter { $0 == "\n" }.count == 1, "\(readErr.debugDescription)")
        #expect(writeStatus == write)
        #expect(writeErr.hasPrefix("error: ") && writeErr.filter { $0 == "\n" }.count == 1, "\(writeErr.debugDescription)")
        if write == .unknownOutcome {
            // A server error came back (not no answer): said as such, with the same check.
            let answered = spec == "html" || spec == "500"
            #expect(
                writeErr.hasSuffix(
                    answered ? "the webhook may exist: check with 'webhooks' before retrying\n" : "the webhook may exist; check with 'webhooks'\n"),
                "\(writeErr.debugDescription)")
        }
        #expect(sent == 2, "one read and one write, none retried")
        #expect(exists == created)
    }

    /// `reply` reads first (the contact's conversation), then sends once: a lost answer to the send is unknown.
    @Test(arguments: [
        HostileServer.Reply(Array("HTTP/1.1 200 OK\r\nContent-Length: 80\r\n\r\n{\"messages\":[".utf8)),
        .json(#"{"messaging_product":"whatsapp"}"#),
        .init([], holdOpen: 6),
    ])
    func aReplyWithALostAnswerIsUnknownAndSentOnce(_ fault: HostileServer.Reply) async throws {
        let (status, err, posts) = try await offPool {
            let server = try HostileServer { request in
                request.method == "POST"
                    ? fault
                    : .json(#"{"data":[],"paging":{"cursors":{"before":null,"after":null},"next":null,"previous":null}}"#)
            }
            defer { server.stop() }
            let (shell, output) = try server.shell()
            let status = shell.run(line: "reply --to +14155550142 --force hello")
            return (status, output.err, server.requests.filter { $0.method == "POST" }.count)
        }
        #expect(status == .unknownOutcome, "\(err)")
        #expect(err.hasPrefix("error: the request was sent but no answer came ("), "\(err)")
        #expect(err.hasSuffix("): the message may have been sent; check with 'messages --phone-number 14155550142'\n"), "\(err)")
        #expect(posts == 1)
    }
}
