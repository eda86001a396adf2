#ifndef PROTOKOLL_PROCESS_CONTROL_H
#define PROTOKOLL_PROCESS_CONTROL_H

/// Asks the kernel to kill this process when its parent dies, so a worker cannot outlive
/// the runner that started it. Returns 0 on success, -1 with errno set otherwise.
int protokoll_die_with_parent(void);

/// The number of CPUs in this process's affinity mask, or -1 when it cannot be read.
int protokoll_affinity_cpu_count(void);

#endif
