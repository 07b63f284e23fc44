import Glibc

/// glibc functions that Swift's `Glibc` module does not import, resolved once through `dlsym`.
///
/// `pipe2` and the `posix_spawn_file_actions_*_np` family are declared only under `_GNU_SOURCE`, which
/// the module map does not define, and `prctl` is variadic, which Swift cannot call. Every one of them
/// is exported by glibc ≥ 2.34 (Debian 12 ships 2.36). Passing `prctl`'s arguments through a
/// fixed-arity pointer is sound on the Linux ABIs (x86-64 and AArch64 pass variadic integer
/// arguments in the same registers as fixed ones).
enum GlibcExtensions {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32
    typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
    typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32

    /// `<linux/prctl.h>`: orphaned descendants are reparented to the nearest ancestor that set this.
    static let setChildSubreaper: Int32 = 36

    static let pipe2: Pipe2? = resolve("pipe2")
    static let addChdir: AddChdir? = resolve("posix_spawn_file_actions_addchdir_np")
    static let addClosefrom: AddClosefrom? = resolve("posix_spawn_file_actions_addclosefrom_np")
    static let prctl: Prctl? = resolve("prctl")

    private static func resolve<Function>(_ name: String) -> Function? {
        // A nil handle is RTLD_DEFAULT: search the libraries already loaded into the process.
        guard let symbol = dlsym(nil, name) else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }
}
