#!/usr/bin/env python3
"""Deploy.Examples: checks deploy/ against the Kubernetes schema's required
fields (kubectl is not assumed), the container recipe, and the redact that
was built. Usage: deploy_check.py SOURCE_DIR REDACT_BINARY

- kubernetes-indexed-job.yaml: a batch/v1 Job whose required fields are
  there with the right types (metadata.name a DNS-1123 name; template
  containers with name and image; restartPolicy Never or OnFailure, as Jobs
  require; Indexed completion with an integer `completions`; every
  volumeMount naming a volume), run as non-root, from the image
  deploy/Containerfile builds (redact:<redact --version>), kept off the
  network by a NetworkPolicy selecting its pods;
- deploy/Containerfile: Debian 12 bases, installs the .deb, non-root USER;
- deploy/slurm-array.sh: parses (bash -n), runs the same image with the
  network off and the array variables --shard auto reads passed in
  (tests/install/slurm_test.sh runs it on a real Slurm);
- both examples' redact flags exist in `redact run --help`, and REDACT_SHARD_COUNT
  equals `completions`.
Prints every problem; exit 1 if there is one.
"""
import re
import subprocess
import sys

import yaml

DNS1123 = re.compile(r'^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')
problems = []


def need(condition, message):
    if not condition:
        problems.append(message)
    return condition


def flags_in(words):
    return {w.split('=')[0] for w in words if w.startswith('--')}


def check_job(job, image, run_flags):
    need(job.get('apiVersion') == 'batch/v1', 'Job: apiVersion must be batch/v1')
    name = (job.get('metadata') or {}).get('name', '')
    need(isinstance(name, str) and DNS1123.match(name) and len(name) <= 63, 'Job: metadata.name must be a DNS-1123 label')
    spec = job.get('spec') or {}
    template = spec.get('template') or {}
    pod = template.get('spec') or {}
    need(pod.get('restartPolicy') in ('Never', 'OnFailure'), 'Job: restartPolicy must be Never or OnFailure')
    for key in ('completions', 'parallelism', 'backoffLimitPerIndex'):
        need(key not in spec or (isinstance(spec[key], int) and spec[key] >= 0), 'Job: %s must be an integer' % key)
    if spec.get('completionMode') == 'Indexed':
        need(isinstance(spec.get('completions'), int), 'Job: an Indexed Job needs completions')
    else:
        need('backoffLimitPerIndex' not in spec, 'Job: backoffLimitPerIndex needs completionMode Indexed')
    containers = pod.get('containers') or []
    need(isinstance(containers, list) and containers, 'Job: template.spec.containers must be a non-empty list')
    volumes = {v.get('name') for v in pod.get('volumes') or []}
    security = pod.get('securityContext') or {}
    need(security.get('runAsNonRoot') is True, 'Job: pods must set runAsNonRoot')
    need(security.get('runAsUser', 0) != 0, 'Job: pods must not run as uid 0')
    for c in containers:
        need(isinstance(c.get('name'), str) and DNS1123.match(c.get('name', '')), 'Job: a container needs a name')
        need(c.get('image') == image, 'Job: image must be %s (deploy/Containerfile), not %s' % (image, c.get('image')))
        command = c.get('command') or []
        need(command[:2] == ['/usr/bin/redact', 'run'], 'Job: command must start /usr/bin/redact run')
        unknown = flags_in(command + (c.get('args') or [])) - run_flags
        need(not unknown, 'Job: redact run has no %s' % ', '.join(sorted(unknown)))
        for m in c.get('volumeMounts') or []:
            need(m.get('name') in volumes and isinstance(m.get('mountPath'), str),
                 'Job: volumeMount %s names no volume' % m.get('name'))
        env = {e.get('name'): e.get('value') for e in c.get('env') or []}
        need(env.get('REDACT_SHARD_COUNT') == str(spec.get('completions')),
             'Job: REDACT_SHARD_COUNT must equal completions')
        c_security = c.get('securityContext') or {}
        need(c_security.get('allowPrivilegeEscalation') is False, 'Job: containers must not escalate privileges')
    return (template.get('metadata') or {}).get('labels') or {}


def check_network_policy(policy, labels):
    need(policy.get('apiVersion') == 'networking.k8s.io/v1', 'NetworkPolicy: apiVersion networking.k8s.io/v1')
    spec = policy.get('spec') or {}
    selector = (spec.get('podSelector') or {}).get('matchLabels') or {}
    need(selector and all(labels.get(k) == v for k, v in selector.items()),
         'NetworkPolicy: podSelector must select the Job\'s pods')
    need(set(spec.get('policyTypes') or []) == {'Ingress', 'Egress'}, 'NetworkPolicy: must cover Ingress and Egress')
    need(not spec.get('ingress') and not spec.get('egress'), 'NetworkPolicy: must allow no traffic')


def main():
    source, redact = sys.argv[1], sys.argv[2]
    version = subprocess.run([redact, '--version'], capture_output=True, text=True, check=True).stdout.split()[1]
    image = 'redact:' + version
    run_help = subprocess.run([redact, 'run', '--help'], capture_output=True, text=True, check=True).stdout
    run_flags = set(re.findall(r'(--[a-z][-a-z]*)', run_help))

    with open(source + '/deploy/kubernetes-indexed-job.yaml', encoding='utf-8') as fh:
        docs = [d for d in yaml.safe_load_all(fh) if d]
    kinds = {d.get('kind'): d for d in docs}
    labels = {}
    if need('Job' in kinds, 'kubernetes-indexed-job.yaml: no Job'):
        labels = check_job(kinds['Job'], image, run_flags)
    if need('NetworkPolicy' in kinds, 'kubernetes-indexed-job.yaml: no NetworkPolicy keeping pods off the network'):
        check_network_policy(kinds['NetworkPolicy'], labels)

    with open(source + '/deploy/Containerfile', encoding='utf-8') as fh:
        recipe = fh.read()
    bases = re.findall(r'^FROM\s+(\S+)', recipe, re.M)
    need(bases and all(re.search(r'debian:12', b) for b in bases), 'Containerfile: every base must be Debian 12')
    need(re.search(r'apt-get install[^\n]*\.deb', recipe), 'Containerfile: must install the .deb')
    users = re.findall(r'^USER\s+(\S+)', recipe, re.M)
    need(users and users[-1].split(':')[0] not in ('0', 'root'), 'Containerfile: must end as a non-root USER')
    need('-t %s ' % image in recipe, 'Containerfile: its build command must tag %s' % image)

    slurm = source + '/deploy/slurm-array.sh'
    need(subprocess.run(['bash', '-n', slurm]).returncode == 0, 'slurm-array.sh: does not parse')
    with open(slurm, encoding='utf-8') as fh:
        script = fh.read()
    need('IMAGE:-%s}' % image in script, 'slurm-array.sh: default IMAGE must be %s' % image)
    need('--network=none' in script, 'slurm-array.sh: the container must run with the network off')
    for var in ('ID', 'MIN', 'MAX', 'STEP', 'COUNT'):
        need('-e SLURM_ARRAY_TASK_%s ' % var in script.replace('\n', ' '),
             'slurm-array.sh: the container must see SLURM_ARRAY_TASK_%s (--shard auto reads it)' % var)
    exec_line = script[script.index('exec "${redact[@]}" run'):]
    unknown = flags_in(exec_line.replace('\\\n', ' ').split()) - run_flags
    need(not unknown, 'slurm-array.sh: redact run has no %s' % ', '.join(sorted(unknown)))

    for p in problems:
        print('deploy: ' + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
