// Runs a fuzz target's entry point over files without libFuzzer: the build of the ci and asan
// presets (GCC) checks every corpus input this way (CTest fuzz_corpus_<target>). Arguments are
// files or folders of files; a property that fails aborts, as under the fuzzer.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> inputs;
    for (int a = 1; a < argc; ++a) {
        const fs::path path = argv[a];
        if (fs::is_directory(path)) {
            for (const auto& entry : fs::recursive_directory_iterator(path))
                if (entry.is_regular_file())
                    inputs.push_back(entry.path());
        } else {
            inputs.push_back(path);
        }
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: %s <input file or folder>...: no input given\n", argv[0]);
        return 2;
    }
    for (const fs::path& path : inputs) {
        std::string bytes(fs::file_size(path), '\0');
        std::FILE* file = std::fopen(path.c_str(), "rb");
        const bool read = file && std::fread(bytes.data(), 1, bytes.size(), file) == bytes.size();
        if (file)
            std::fclose(file);
        if (!read) {
            std::fprintf(stderr, "cannot read %s\n", path.c_str());
            return 2;
        }
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::printf("%zu inputs ran, every property held\n", inputs.size());
    return 0;
}
