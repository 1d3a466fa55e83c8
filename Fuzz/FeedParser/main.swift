#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibFuzzer

// Hands control to libFuzzer, which reads its flags from the command line
// (`-max_total_time=60 CORPUS...`, see scripts/fuzz.sh) and feeds each input
// it generates to the feed parser.
var argumentCount = CommandLine.argc
var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &arguments) { data, size in
    FeedParserFuzzTarget.run(data, size)
})
