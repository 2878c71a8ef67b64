# install.cmake — libkhabar as a system library: the shared library (built from the static
# library's objects, exporting only the kh_ functions of the public headers), and the install
# rules for both libraries, the headers, khabar.pc, the commands and their man pages.
# Included at the end of CMakeLists.txt; `cmake --install BUILD [--prefix DIR]` (DESTDIR
# honoured) or `make install PREFIX=DIR`. docs/packaging.md says how it fits together.
include(GNUInstallDirs)

# The Debian package installs `extract` as khabar-extract: Debian's `extract` package
# (libextractor) already owns /usr/bin/extract (Policy 10.1: one of them must be renamed).
set(KH_EXTRACT_NAME extract CACHE STRING "Installed name of the `extract` command")

# One compilation serves both libraries: position-independent objects, calls between
# the library's own functions bound at link time (no interposition, as with -fPIE).
set_target_properties(khabar PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_compile_options(khabar PRIVATE -fno-semantic-interposition)

# The version script: the kh_ functions declared in include/khabar/*.h are global,
# everything else (internal kh_ helpers, fx_, C++ instantiations) is local.
file(GLOB KH_PUBLIC_HEADERS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/include/khabar/*.h)
set(KH_VERSION_SCRIPT ${CMAKE_BINARY_DIR}/gen/libkhabar.map)
add_custom_command(OUTPUT ${KH_VERSION_SCRIPT}
  COMMAND ${CMAKE_COMMAND} -DCC=${CMAKE_C_COMPILER} -DINCLUDE=${CMAKE_SOURCE_DIR}/include
          -DGEN=${CMAKE_BINARY_DIR}/gen -DOUT=${KH_VERSION_SCRIPT}
          -P ${CMAKE_SOURCE_DIR}/cmake/exports.cmake
  DEPENDS ${KH_PUBLIC_HEADERS} ${CMAKE_BINARY_DIR}/gen/khabar/version.h
          ${CMAKE_SOURCE_DIR}/cmake/exports.cmake
  COMMENT "Listing the public kh_ functions for libkhabar.so")
add_custom_target(khabar_exports DEPENDS ${KH_VERSION_SCRIPT})

# libkhabar.so.MAJOR: the same objects as libkhabar.a. The commands link it (cli/ uses
# only the public API); tests, fuzz targets, benchmarks and ner_train link the static
# library, where the internal functions they test are visible.
add_library(khabar_shared SHARED $<TARGET_OBJECTS:khabar>)
add_dependencies(khabar_shared khabar khabar_exports)
set_target_properties(khabar_shared PROPERTIES
  OUTPUT_NAME khabar
  VERSION ${PROJECT_VERSION}
  SOVERSION ${PROJECT_VERSION_MAJOR}
  LINK_DEPENDS ${KH_VERSION_SCRIPT})
target_link_options(khabar_shared PRIVATE -Wl,--version-script=${KH_VERSION_SCRIPT})
if(NOT KH_SANITIZE AND NOT KH_FUZZ)
  # every symbol resolved by the libraries it names (clang's sanitizer runtimes live in
  # the executable, so not under sanitizers)
  target_link_options(khabar_shared PRIVATE -Wl,-z,defs)
endif()
target_include_directories(khabar_shared PUBLIC
  $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include> $<BUILD_INTERFACE:${CMAKE_BINARY_DIR}/gen>)
# the libraries CMakeLists.txt gives libkhabar.a
target_link_libraries(khabar_shared PRIVATE $<TARGET_PROPERTY:khabar,LINK_LIBRARIES>)

# pkg-config: libkhabar's own dependencies are private (the headers include only <stddef.h>
# and friends), so `pkg-config --libs khabar` is -lkhabar. Requires.private lists the
# pkg-config modules of what CMakeLists.txt links libkhabar.a to, found through this map
# (a dependency of the commands only, such as libmicrohttpd for `khabar serve`, is none).
set(KH_PC_MODULES_LIBXML2 libxml-2.0)
set(KH_PC_MODULES_ICU icu-uc icu-i18n)
set(KH_PC_MODULES_JANSSON jansson)
set(KH_PC_MODULES_CURL libcurl)
set(KH_PC_MODULES_SQLITE sqlite3)
set(KH_PC_MODULES_ZLIB zlib)
set(KH_PC_MODULES_MHD libmicrohttpd)
get_target_property(KH_LINK_LIBRARIES khabar LINK_LIBRARIES)
set(kh_modules)
foreach(lib ${KH_LINK_LIBRARIES})
  if(lib MATCHES "^PkgConfig::(.+)$")
    if(NOT DEFINED KH_PC_MODULES_${CMAKE_MATCH_1})
      message(FATAL_ERROR "libkhabar links ${lib}: name its pkg-config modules in "
                          "KH_PC_MODULES_${CMAKE_MATCH_1} (cmake/install.cmake) for khabar.pc")
    endif()
    list(APPEND kh_modules ${KH_PC_MODULES_${CMAKE_MATCH_1}})
  elseif(lib IN_LIST XAPIAN_LIBRARIES)
    list(APPEND kh_modules xapian-core)
  endif()
endforeach()
list(REMOVE_DUPLICATES kh_modules)
string(JOIN " " KH_PC_REQUIRES_PRIVATE ${kh_modules})

# khabar.pc is written at install time, so that `cmake --install --prefix DIR` puts DIR in
# it, not the prefix configured.
set(KH_PC_TEMPLATE ${CMAKE_SOURCE_DIR}/cmake/khabar.pc.in)
install(TARGETS khabar khabar_shared
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT lib NAMELINK_COMPONENT dev)
install(DIRECTORY include/khabar DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev
  FILES_MATCHING PATTERN "*.h")
install(FILES ${CMAKE_BINARY_DIR}/gen/khabar/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/khabar COMPONENT dev)
install(CODE "
  set(KH_LIBDIR \"${CMAKE_INSTALL_LIBDIR}\")
  set(KH_INCLUDEDIR \"${CMAKE_INSTALL_INCLUDEDIR}\")
  set(PROJECT_VERSION \"${PROJECT_VERSION}\")
  set(KH_PC_REQUIRES_PRIVATE \"${KH_PC_REQUIRES_PRIVATE}\")
  foreach(d LIBDIR INCLUDEDIR)
    if(NOT IS_ABSOLUTE \"\${KH_\${d}}\")
      set(KH_\${d} \"\\\${prefix}/\${KH_\${d}}\")
    endif()
  endforeach()
  set(KH_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  configure_file(\"${KH_PC_TEMPLATE}\" \"${CMAKE_BINARY_DIR}/install/khabar.pc\" @ONLY)
  file(INSTALL \"${CMAKE_BINARY_DIR}/install/khabar.pc\"
       DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig\")
  " COMPONENT dev)

set_target_properties(extract PROPERTIES OUTPUT_NAME ${KH_EXTRACT_NAME})
# Installed outside the loader's own directories (/usr/local, /opt/...), the commands find
# libkhabar.so through a RUNPATH relative to themselves; in /usr (Debian) they have none.
list(FIND CMAKE_C_IMPLICIT_LINK_DIRECTORIES ${CMAKE_INSTALL_FULL_LIBDIR} kh_system_libdir)
if(kh_system_libdir EQUAL -1)
  file(RELATIVE_PATH kh_bin_to_lib ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_LIBDIR})
  set_target_properties(khabar_bin extract PROPERTIES INSTALL_RPATH "$ORIGIN/${kh_bin_to_lib}")
endif()
install(TARGETS khabar_bin extract DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT bin)

# Man pages: roff sources in man/, the version and the extract command's name filled in.
string(TOUPPER ${KH_EXTRACT_NAME} KH_EXTRACT_NAME_UPPER)
foreach(page khabar.1 extract.1 libkhabar.3)
  string(REGEX REPLACE ".*\\.([0-9])$" "\\1" section ${page})
  set(name ${page})
  if(page STREQUAL "extract.1")
    set(name ${KH_EXTRACT_NAME}.1)
  endif()
  configure_file(man/${page}.in ${CMAKE_BINARY_DIR}/man/${name} @ONLY)
  set(component bin)
  if(section STREQUAL "3")
    set(component dev)
  endif()
  install(FILES ${CMAKE_BINARY_DIR}/man/${name} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section}
    COMPONENT ${component})
endforeach()
