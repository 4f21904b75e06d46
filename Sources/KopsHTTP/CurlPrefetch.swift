internal import CCurl
internal import CKopsShims

/// A GET started before the `send` that asks for it, e.g. the next page of a list while this one prints.
///
/// `init` writes the request with one `curl_multi_perform` and returns: the server works on its answer
/// while the caller renders, and the answer waits in the socket until `complete` reads it. Owned by one
/// thread; its transfer leaves the multi handle in `deinit`.
final class CurlPrefetch {
    let request: HTTPRequest
    let transfer: CurlTransfer
    let started: ContinuousClock.Instant
    private let multi: CurlMulti
    private var added = false

    /// Starts `request` on `transfer` (configured here) in `multi`, which holds no other transfer.
    init(_ request: HTTPRequest, transfer: CurlTransfer, multi: CurlMulti, options: CurlTransport.Options, share: UnsafeMutableRawPointer?) {
        self.request = request
        self.transfer = transfer
        self.multi = multi
        started = .now
        transfer.configure(request, options: options, share: share)
        added = kops_curl_multi_add_handle(multi.handle, transfer.handle) == CURLM_OK
        var running: Int32 = 0
        if added { _ = kops_curl_multi_perform(multi.handle, &running) }
    }

    deinit {
        // A transfer left unfinished closes its connection here; a finished one's stays in the shared cache.
        if added { kops_curl_multi_remove_handle(multi.handle, transfer.handle) }
    }

    /// True when `other` is the same exchange: method, URL, headers as sent, and no body.
    func matches(_ other: HTTPRequest) -> Bool {
        other.method == request.method && other.url == request.url && other.body == nil
            && other.headers.map(\.wireLine) == request.headers.map(\.wireLine)
    }

    /// Runs the transfer to its end (Ctrl-C aborts it, as any transfer); its curl result, nil if curl gave none.
    func complete() -> CURLcode? {
        guard added else { return nil }
        var running: Int32 = 1
        while running > 0 {
            guard kops_curl_multi_perform(multi.handle, &running) == CURLM_OK else { return nil }
            if running > 0 { kops_curl_multi_poll(multi.handle, 100) }
        }
        var remaining: Int32 = 0
        var code: CURLcode?
        while let message = kops_curl_multi_info_read(multi.handle, &remaining) {
            if message.pointee.msg == CURLMSG_DONE, message.pointee.easy_handle == transfer.handle {
                code = message.pointee.data.result
            }
        }
        return code
    }
}

/// A curl multi handle kept for the prefetches of one transport, one after another: one made and freed at each page
/// (`curl_multi_init` and `curl_multi_cleanup`, 24,000 instructions inclusive, about 8,000 more than the kept handle's
/// work, and its wake-up socket pair's system calls) was part of every page's cost (docs/performance.md, "Session 48"). Freed when the last prefetch that ran in it and its transport are gone.
final class CurlMulti {
    let handle: UnsafeMutableRawPointer

    /// Nil when libcurl has no multi handle to give.
    init?() {
        guard let handle = kops_curl_multi_init() else { return nil }
        self.handle = handle
    }

    deinit {
        kops_curl_multi_cleanup(handle)
    }
}
