# Compile options shared by every target of ours (third-party headers come in as SYSTEM
# includes through their imported targets, so their warnings do not fail our build).
function(rnr_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
        -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference)
    # GCC 12 reports false -Wrestrict/-Wstringop-overflow inside libstdc++'s std::string at -O2
    # and above (GCC bugs 105329, 105651); they are not about our code.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
        target_compile_options(${target} PRIVATE -Wno-restrict -Wno-stringop-overflow)
    endif()
    if(RNR_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

if(RNR_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# The fuzz build: every target instrumented for libFuzzer's coverage and under ASan + UBSan; the
# fuzz targets themselves link -fsanitize=fuzzer (tests/fuzz/CMakeLists.txt).
if(RNR_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "RNR_FUZZ needs clang (libFuzzer): configure with the fuzz preset")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
