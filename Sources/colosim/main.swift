import ColosimCLI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(Colosim.main(arguments: Array(CommandLine.arguments.dropFirst())))
