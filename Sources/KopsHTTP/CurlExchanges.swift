internal import CCurl
internal import CKopsShims

/// `HTTPExchanges` on one curl multi handle, driven on the caller's thread only while it looks (`finished`), so no
/// thread of kops's own touches libcurl. Requests go out when started; Ctrl-C aborts the running ones as it aborts
/// any transfer. The connection cache is the transport's, so a handler's kept-alive connections are reused.
final class CurlExchanges: HTTPExchanges {
    private struct Entry {
        var tag: Int
        var request: HTTPRequest
        var transfer: CurlTransfer
        var started: ContinuousClock.Instant
        var options: CurlTransport.Options
    }

    private let transport: CurlTransport
    /// Made at the first start, once libcurl is loaded (the transport loads it on first use).
    private var multi: UnsafeMutableRawPointer?
    private var entries: [Entry] = []
    /// Ended without reaching the multi handle (a refused URL, no multi handle), handed back at the next look.
    private var done: [(tag: Int, result: Result<HTTPResponse, TransportError>)] = []
    /// Handles of finished exchanges, reused for the next ones.
    private var spare: [CurlTransfer] = []

    init(_ transport: CurlTransport) {
        self.transport = transport
    }

    deinit {
        guard let multi else { return }
        for entry in entries { kops_curl_multi_remove_handle(multi, entry.transfer.handle) }
        kops_curl_multi_cleanup(multi)
    }

    var running: Int { entries.count + done.count }

    func start(_ request: HTTPRequest, tag: Int, timeout: Double) {
        var options = transport.options
        options.timeout = timeout
        options.connectTimeout = min(options.connectTimeout, timeout)
        do throws(TransportError) {
            try transport.check(request)
            _ = try transport.primary()
            if multi == nil { multi = kops_curl_multi_init() }
            guard let multi else {
                let saved = transport.options
                transport.options = options
                defer { transport.options = saved }
                done.append((tag, Result { () throws(TransportError) in try transport.send(request) }))
                return
            }
            let transfer: CurlTransfer
            if let reused = spare.popLast() { transfer = reused } else { transfer = try CurlTransfer() }
            transfer.configure(request, options: options, share: transport.share)
            kops_curl_multi_add_handle(multi, transfer.handle)
            entries.append(Entry(tag: tag, request: request, transfer: transfer, started: .now, options: options))
            // Sent now, not at the next look: the server starts on it while the caller does other work.
            var active: Int32 = 0
            _ = kops_curl_multi_perform(multi, &active)
        } catch {
            done.append((tag, .failure(error)))
        }
    }

    func finished(waitingUpTo seconds: Double) -> [(tag: Int, result: Result<HTTPResponse, TransportError>)] {
        var ended = done
        done = []
        guard let multi, !entries.isEmpty else { return ended }
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while true {
            var active: Int32 = 0
            let performed = kops_curl_multi_perform(multi, &active) == CURLM_OK
            ended += collect(multi)
            if !performed {
                // The multi handle broke: nothing more will come from it.
                ended += entries.map { ($0.tag, .failure(.protocolError(host: URLParts($0.request.url)?.host ?? "localhost", detail: "libcurl's multi handle failed"))) }
                for entry in entries { kops_curl_multi_remove_handle(multi, entry.transfer.handle) }
                entries = []
            }
            let left = ContinuousClock.now.duration(to: deadline)
            if !ended.isEmpty || entries.isEmpty || left <= .zero { return ended }
            let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
            kops_curl_multi_poll(multi, Int32(max(1, min(milliseconds, 100))))
        }
    }

    func cancelAll() -> [(tag: Int, result: Result<HTTPResponse, TransportError>)] {
        var ended = done
        done = []
        for entry in entries {
            if let multi { kops_curl_multi_remove_handle(multi, entry.transfer.handle) }
            ended.append((entry.tag, .failure(.cancelled(sent: true))))
        }
        entries = []
        return ended
    }

    /// Hands back the exchanges curl reports done, their handles kept for reuse.
    private func collect(_ multi: UnsafeMutableRawPointer) -> [(tag: Int, result: Result<HTTPResponse, TransportError>)] {
        var ended: [(tag: Int, result: Result<HTTPResponse, TransportError>)] = []
        var remaining: Int32 = 0
        while let message = kops_curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE,
                let index = entries.firstIndex(where: { $0.transfer.handle == message.pointee.easy_handle })
            else { continue }
            let entry = entries.remove(at: index)
            let result = entry.transfer.finish(
                message.pointee.data.result, request: entry.request, started: entry.started, options: entry.options)
            kops_curl_multi_remove_handle(multi, entry.transfer.handle)
            transport.record(entry.request, transfer: entry.transfer, result: result)
            spare.append(entry.transfer)
            ended.append((entry.tag, result))
        }
        return ended
    }
}
