#pragma once
/// The process groups of the children verigen has running, so that a fatal signal kills them
/// before verigen dies. Every child leads a group of its own (process.cpp), which keeps a
/// terminal's Ctrl-C from reaching it directly: without this, interrupting `verigen inv` or
/// `verigen bench` left cvc5, Dafny and sample runs working on for minutes.

#include <sys/types.h>

namespace verigen {

/// Records `group` as the group of a running child. Best effort: when the fixed table is full
/// (more children than any command starts at once) the group is not recorded.
void register_child_group(pid_t group);
/// Forgets `group` once its child has been reaped.
void unregister_child_group(pid_t group);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP (those not ignored when verigen started)
/// that SIGKILL every recorded group and then let the signal take its default course, so the
/// exit status still says which signal ended verigen. Call once, early in main().
void kill_children_on_fatal_signals();

}  // namespace verigen
