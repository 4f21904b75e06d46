internal import Foundation
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// `kapso-sim --receive`: an `HTTPReceiver` whose requests go to a parent process over the standard streams, so
/// `kops listen` serves through kapso-sim's request reader without linking the simulator (docs/listen.md).
///
/// Frames are one JSON line followed by raw bytes. Out (stdout): `{"id":1,"method":"POST","target":"/",
/// "headers":[["name","value"],…],"length":N}` + N body bytes, or `{"refused":413,"message":"…"}`.
/// In (stdin): `{"id":1,"status":200,"headers":[[…]],"length":N}` + N bytes. End of stdin stops the receiver.
public enum ReceiverBridge {
    /// Starts listening, prints `receiving on http://HOST:PORT` (or `error: …` and returns 1), then bridges until
    /// stdin closes; returns the exit status. Call from a plain thread.
    public static func run(host: String, port: UInt16, bodyLimit: Int) -> Int32 {
        let receiver: HTTPReceiver
        do {
            receiver = try HTTPReceiver.start(host: host, port: port, bodyLimit: bodyLimit)
        } catch {
            write(Array("error: cannot listen on \(host):\(port): \(HTTPReceiver.reason(error))\n".utf8))
            return 1
        }
        write(Array("receiving on http://\(host):\(receiver.port)\n".utf8))
        let finished = Locked(false)
        let answers = Thread {
            readAnswers(into: receiver)
            finished.withLock { $0 = true }
        }
        answers.start()
        while !finished.withLock({ $0 }) {
            switch receiver.next(waitingUpTo: 0.2) {
            case nil: continue
            case .refused(let status, let message):
                write(line(["refused": .int(status), "message": .string(message)]))
            case .request(let id, let request):
                let headers = JSONValue.array(request.headers.map { .array([.string($0.name), .string($0.value)]) })
                write(
                    line([
                        "id": .int(id), "method": .string(request.method), "target": .string(request.target),
                        "headers": headers, "length": .int(request.body.count),
                    ]) + request.body)
            }
        }
        receiver.stop()
        return 0
    }

    private static func line(_ object: JSONObject) -> [UInt8] {
        JSONValue.object(object).encoded + [UInt8(ascii: "\n")]
    }

    private static func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            offset += count
        }
    }

    /// Reads answer frames from stdin until it closes.
    private static func readAnswers(into receiver: HTTPReceiver) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            while let next = nextAnswer(in: &buffer) {
                switch next {
                case .answer(let id, let status, let headers, let body):
                    receiver.answer(id, status: status, headers: headers.map { ($0.name, $0.value) }, body: body)
                case .skipped:
                    FileHandle.standardError.write(Data(
                        "kapso-sim: ignored an answer line that is no frame header ({\"id\":N,\"status\":N,\"length\":N})\n".utf8))
                }
            }
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            buffer += chunk[0..<count]
        }
    }

    /// What the front of the answer stream holds.
    enum Answer: Equatable {
        /// A whole frame, removed from the buffer; `status` 502 when the header has none.
        case answer(id: Int, status: Int, headers: [Header], body: [UInt8])
        /// A line that is no frame header (not JSON, no `length` from 0 to `maximumAnswerBytes`), removed so the
        /// frames after it are still read.
        case skipped
    }

    struct Header: Equatable {
        var name: String
        var value: String
    }

    /// The largest answer body a frame may announce; past it the header is taken for no frame (kops answers with a
    /// few hundred bytes, and a length near `Int.max` would keep the bridge reading forever).
    static let maximumAnswerBytes = 64 << 20

    /// Takes the next answer off the front of `buffer`; nil while its header line or body is still incomplete.
    static func nextAnswer(in buffer: inout [UInt8]) -> Answer? {
        while true {
            guard let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            guard let header = try? JSONParser.parse(buffer[..<newline]), let length = header["length"]?.intValue,
                (0...maximumAnswerBytes).contains(length)
            else {
                buffer.removeSubrange(...newline)
                return .skipped
            }
            // Compared without adding to `length`, which may be as large as `Int` goes.
            guard length <= buffer.count - newline - 1 else { return nil }
            let body = Array(buffer[(newline + 1)..<(newline + 1 + length)])
            buffer.removeSubrange(0..<(newline + 1 + length))
            // A frame without an id answers nothing: the next one is read.
            guard let id = header["id"]?.intValue else { continue }
            let headers = (header["headers"]?.arrayValue ?? []).compactMap { pair -> Header? in
                guard let name = pair.arrayValue?.first?.stringValue, let value = pair.arrayValue?.last?.stringValue else { return nil }
                return Header(name: name, value: value)
            }
            return .answer(id: id, status: header["status"]?.intValue ?? 502, headers: headers, body: body)
        }
    }
}
