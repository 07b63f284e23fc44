/// Who is at the other end of a Unix-domain socket, as `getsockopt(SO_PEERCRED)` reports it: the credentials of
/// the process that called `connect`, taken by the kernel at that moment, so a client cannot claim another identity.
///
/// The layout is glibc's `struct ucred` (`pid_t pid; uid_t uid; gid_t gid;`), which Swift's `Glibc` module does
/// not import because glibc declares it only under `_GNU_SOURCE`.
struct PeerCredentials: Sendable, Equatable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32

    init(pid: Int32 = 0, uid: UInt32 = 0, gid: UInt32 = 0) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }
}
