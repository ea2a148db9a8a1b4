# Compile options shared by every target of ours (third-party headers come in as SYSTEM
# includes through their imported targets, so their warnings do not fail our build).
function(rnr_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
        -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference)
    if(RNR_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

if(RNR_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
