<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Ctl</name>
    <message>
        <location filename="../app/ctl/main.cpp" line="400"/>
        <source>height</source>
        <translation>height</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="401"/>
        <source>leader</source>
        <translation>leader</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="788"/>
        <source>audit log intact: %1 entries, the last is %2 (hash %3)</source>
        <translation>height&lt;/source&gt;
        &lt;translation&gt;height&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../app/ctl/main.cpp&quot; line=&quot;158&quot;/&gt;
        &lt;source&gt;leader&lt;/source&gt;
        &lt;translation&gt;leader&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../app/ctl/main.cpp&quot; line=&quot;460&quot;/&gt;
        &lt;source&gt;audit log intact: %1 entries, the last is %2 (hash %3)</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="794"/>
        <source>the chain starts at entry %1: entries 1 to %2 are not in these files (archived elsewhere, or removed)</source>
        <translation>the chain starts at entry %1: entries 1 to %2 are not in these files (archived elsewhere, or removed)</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="801"/>
        <source>its last %1 bytes are an entry torn by a crash (never acknowledged); the agent cuts them when it starts</source>
        <translation>its last %1 bytes are an entry torn by a crash (never acknowledged); the agent cuts them when it starts</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="807"/>
        <source>audit log NOT intact: %1, line %2: %3</source>
        <translation>audit log NOT intact: %1, line %2: %3</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="915"/>
        <source>this machine</source>
        <translation>this machine</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="944"/>
        <source>The host presents this key fingerprint:</source>
        <translation>The host presents this key fingerprint:</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="946"/>
        <source>If it is the host&apos;s (ask its administrator: ssh-keygen -lf on its host key), add the host again with --fingerprint and that value.</source>
        <translation>If it is the host&apos;s (ask its administrator: ssh-keygen -lf on its host key), add the host again with --fingerprint and that value.</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="955"/>
        <source>added host</source>
        <translation>added host</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="737"/>
        <location filename="../app/ctl/main.cpp" line="766"/>
        <location filename="../app/ctl/main.cpp" line="1133"/>
        <source>runbook</source>
        <translation>runbook</translation>
    </message>
</context>
<context>
    <name>FaultProfiles</name>
    <message>
        <location filename="../app/common/fault_profiles.cpp" line="9"/>
        <source>Rate limit 2048 kbit/s</source>
        <translation>Rate limit 2048 kbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/fault_profiles.cpp" line="10"/>
        <source>Delay 1000 ms ± 300 ms (30% correlated)</source>
        <translation>Delay 1000 ms ± 300 ms (30% correlated)</translation>
    </message>
    <message>
        <location filename="../app/common/fault_profiles.cpp" line="11"/>
        <source>Loss 10%</source>
        <translation>Loss 10%</translation>
    </message>
    <message>
        <location filename="../app/common/fault_profiles.cpp" line="12"/>
        <source>Duplicate 1%</source>
        <translation>Duplicate 1%</translation>
    </message>
    <message>
        <location filename="../app/common/fault_profiles.cpp" line="13"/>
        <source>Corrupt 0.2%</source>
        <translation>Corrupt 0.2%</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="12"/>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="13"/>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="14"/>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="21"/>
        <source>Fork</source>
        <translation>Fork</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="22"/>
        <source>block hashes differ from height %1; all agree at %2</source>
        <translation>block hashes differ from height %1; all agree at %2</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="25"/>
        <source>Stop the odd node(s), keep their data for investigation and resync them from the majority; check for more than f Byzantine validators or a software difference.</source>
        <translation>Stop the odd node(s), keep their data for investigation and resync them from the majority; check for more than f Byzantine validators or a software difference.</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="31"/>
        <source>Lagging node</source>
        <translation>Lagging node</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="34"/>
        <source>behind by %1 blocks: its disk is nearly full</source>
        <translation>behind by %1 blocks: its disk is nearly full</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="35"/>
        <source>Free or grow the volume holding its data directory; it cannot store new blocks.</source>
        <translation>Free or grow the volume holding its data directory; it cannot store new blocks.</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="40"/>
        <source>behind by %1 blocks: it has no connected peers</source>
        <translation>behind by %1 blocks: it has no connected peers</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="41"/>
        <source>Check its network, firewall and certificates; its log says why peers refuse it.</source>
        <translation>Check its network, firewall and certificates; its log says why peers refuse it.</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="45"/>
        <source>behind by %1 blocks: its peers are behind too (best peer height %2)</source>
        <translation>behind by %1 blocks: its peers are behind too (best peer height %2)</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="49"/>
        <source>Its sync sources are slow or partitioned: check the links of its organisation.</source>
        <translation>Its sync sources are slow or partitioned: check the links of its organisation.</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="53"/>
        <source>behind by %1 blocks: syncing from peers at height %2</source>
        <translation>behind by %1 blocks: syncing from peers at height %2</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="56"/>
        <source>Watch that the gap closes; if not, check its disk and CPU.</source>
        <translation>Watch that the gap closes; if not, check its disk and CPU.</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="60"/>
        <source>View-change storm</source>
        <translation>View-change storm</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="61"/>
        <source>%1 view changes per minute</source>
        <translation>%1 view changes per minute</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="65"/>
        <source>; suspected: %1</source>
        <translation>; suspected: %1</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="66"/>
        <source>Look for a leader that is down or slow and for lossy links around it.</source>
        <translation>Look for a leader that is down or slow and for lossy links around it.</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="71"/>
        <source>Node down</source>
        <translation>Node down</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="72"/>
        <source>the agent answers but its node is not running: %1</source>
        <translation>the agent answers but its node is not running: %1</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="74"/>
        <source>Look at the node&apos;s log through its agent and restart the node.</source>
        <translation>Look at the node&apos;s log through its agent and restart the node.</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="76"/>
        <source>Agent unreachable</source>
        <translation>Agent unreachable</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="78"/>
        <source>the agent did not answer: %1</source>
        <translation>the agent did not answer: %1</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="79"/>
        <source>Check the agent process and the network path to it; the node itself may still run.</source>
        <translation>Check the agent process and the network path to it; the node itself may still run.</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="84"/>
        <source>Duplicate identity</source>
        <translation>Duplicate identity</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="86"/>
        <source>one node identity connects from %1 and from %2 at once</source>
        <translation>one node identity connects from %1 and from %2 at once</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="88"/>
        <source>Stop the copy that should not run (a migrated node&apos;s old host, a copied key) before it signs twice; its tombstone says where the node moved.</source>
        <translation>Stop the copy that should not run (a migrated node&apos;s old host, a copied key) before it signs twice; its tombstone says where the node moved.</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="94"/>
        <source>Node halted</source>
        <translation>Node halted</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="96"/>
        <source>Install the release that implements the upgrade and restart the node on its data.</source>
        <translation>Install the release that implements the upgrade and restart the node on its data.</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <location filename="../app/common/health.cpp" line="9"/>
        <source>synced</source>
        <translation>synced</translation>
    </message>
    <message>
        <location filename="../app/common/health.cpp" line="10"/>
        <source>lagging</source>
        <translation>lagging</translation>
    </message>
    <message>
        <location filename="../app/common/health.cpp" line="11"/>
        <source>halted</source>
        <translation>halted</translation>
    </message>
    <message>
        <location filename="../app/common/health.cpp" line="12"/>
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="14"/>
        <source>Join</source>
        <translation>Join</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="15"/>
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="16"/>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="17"/>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="18"/>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="19"/>
        <source>Certificate renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="20"/>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="21"/>
        <source>Upgrade rollback</source>
        <translation>Upgrade rollback</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="27"/>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="39"/>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="28"/>
        <source>interrupted</source>
        <translation>interrupted</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="29"/>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="40"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="30"/>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="41"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="31"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="38"/>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="52"/>
        <source>Check the host</source>
        <translation>Check the host</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="53"/>
        <source>Check the target host</source>
        <translation>Check the target host</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="54"/>
        <source>Check the backup</source>
        <translation>Check the backup</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="55"/>
        <source>Copy the agent and the network&apos;s files</source>
        <translation>Copy the agent and the network&apos;s files</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="56"/>
        <source>Copy the agent and the network&apos;s files to the target</source>
        <translation>Copy the agent and the network&apos;s files to the target</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="57"/>
        <source>Make the node&apos;s keys on the host</source>
        <translation>Make the node&apos;s keys on the host</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="58"/>
        <source>The host makes a certificate request for the node&apos;s keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="59"/>
        <source>Sign its certificate with the organisation&apos;s CA</source>
        <translation>Sign its certificate with the organisation&apos;s CA</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="60"/>
        <source>Install the certificate and restart the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="61"/>
        <source>Governance: add as an observer</source>
        <translation>Governance: add as an observer</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="62"/>
        <source>Start the agent</source>
        <translation>Start the agent</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="63"/>
        <source>Catch up with the network</source>
        <translation>Catch up with the network</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="64"/>
        <source>Governance: promote to validator</source>
        <translation>Governance: promote to validator</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="65"/>
        <source>Quorum preview</source>
        <translation>Quorum preview</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="66"/>
        <source>Governance: demote to observer</source>
        <translation>Governance: demote to observer</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="67"/>
        <source>Governance: remove from the network</source>
        <translation>Governance: remove from the network</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="68"/>
        <source>Stop the agent</source>
        <translation>Stop the agent</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="69"/>
        <source>Archive its data here</source>
        <translation>Archive its data here</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="70"/>
        <source>Remove it from the network&apos;s records</source>
        <translation>Remove it from the network&apos;s records</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="71"/>
        <source>Back up the store</source>
        <translation>Back up the store</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="72"/>
        <source>Back up the source</source>
        <translation>Back up the source</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="73"/>
        <source>Restore the store</source>
        <translation>Restore the store</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="74"/>
        <source>Move the node&apos;s identity</source>
        <translation>Move the node&apos;s identity</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="75"/>
        <source>Restore the backup on the target</source>
        <translation>Restore the backup on the target</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="76"/>
        <source>Fence the source</source>
        <translation>Fence the source</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="77"/>
        <source>Start on the target</source>
        <translation>Start on the target</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="78"/>
        <source>Verify it is synced and the network commits</source>
        <translation>Verify it is synced and the network commits</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="79"/>
        <source>Readiness: every node reachable, supervised, the release staged</source>
        <translation>Readiness: every node reachable, supervised, the release staged</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="80"/>
        <source>Canary: switch one node and watch it</source>
        <translation>Canary: switch one node and watch it</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="81"/>
        <source>Switch the other nodes one at a time, validators last</source>
        <translation>Switch the other nodes one at a time, validators last</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="82"/>
        <source>Governance: schedule the upgrade</source>
        <translation>Governance: schedule the upgrade</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="83"/>
        <source>Watch the activation</source>
        <translation>Watch the activation</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="84"/>
        <source>Stop the upgrade runbook</source>
        <translation>Stop the upgrade runbook</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="85"/>
        <source>Governance: cancel the plan</source>
        <translation>Governance: cancel the plan</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="86"/>
        <source>Switch the nodes back to their binaries</source>
        <translation>Switch the nodes back to their binaries</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="95"/>
        <source>Proposing %1 as %2</source>
        <translation>Proposing %1 as %2</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="96"/>
        <source>Proposed %1 as %2</source>
        <translation>Proposed %1 as %2</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="98"/>
        <source>%1: approved by %2; pending: %3</source>
        <translation>%1: approved by %2; pending: %3</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="99"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="100"/>
        <source>Copied %1</source>
        <translation>Copied %1</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="101"/>
        <source>Copying to %1</source>
        <translation>Copying to %1</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="102"/>
        <source>Waiting for %1&apos;s agent to answer</source>
        <translation>Waiting for %1&apos;s agent to answer</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="103"/>
        <source>%1 at height %2 of %3</source>
        <translation>%1 at height %2 of %3</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="104"/>
        <source>Waiting for %1 to become a %2</source>
        <translation>Waiting for %1 to become a %2</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="106"/>
        <source>%1: %2 of %3 blocks on the new binary</source>
        <translation>%1: %2 of %3 blocks on the new binary</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="108"/>
        <source>Waiting to take %1 down: %2</source>
        <translation>Waiting to take %1 down: %2</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="109"/>
        <source>Activation height %1</source>
        <translation>Activation height %1</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="111"/>
        <source>%1 blocks (about %2 s) to height %3</source>
        <translation>%1 blocks (about %2 s) to height %3</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="113"/>
        <source>Waiting for the chain to pass height %1 (at %2)</source>
        <translation>Waiting for the chain to pass height %1 (at %2)</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="114"/>
        <source>Stopping runbook #%1</source>
        <translation>Stopping runbook #%1</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="115"/>
        <source>Watching %1 commit with the network</source>
        <translation>Watching %1 commit with the network</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="125"/>
        <source>The host cannot be reached</source>
        <translation>The host cannot be reached</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="126"/>
        <source>The host&apos;s key is unknown; confirm its fingerprint</source>
        <translation>The host&apos;s key is unknown; confirm its fingerprint</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="128"/>
        <source>WARNING: the host&apos;s key has changed; nothing was done (known key, then the one presented)</source>
        <translation>WARNING: the host&apos;s key has changed; nothing was done (known key, then the one presented)</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="130"/>
        <source>The host presents another key than the fingerprint given; nothing was done (given, then presented)</source>
        <translation>The host presents another key than the fingerprint given; nothing was done (given, then presented)</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="131"/>
        <source>The host answered something that is not what was asked</source>
        <translation>The host answered something that is not what was asked</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="132"/>
        <source>The host made the key of a node that exists already</source>
        <translation>The host made the key of a node that exists already</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="133"/>
        <source>The proposal on the chain is not the one that was asked; nothing was approved</source>
        <translation>The proposal on the chain is not the one that was asked; nothing was approved</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="134"/>
        <source>No such network in the inventory</source>
        <translation>No such network in the inventory</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="135"/>
        <source>Bad usage</source>
        <translation>Bad usage</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="136"/>
        <source>The host refused the SSH key</source>
        <translation>The host refused the SSH key</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="137"/>
        <source>The SSH key file cannot be read</source>
        <translation>The SSH key file cannot be read</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="138"/>
        <source>SSH failed</source>
        <translation>SSH failed</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="139"/>
        <source>No such host; add it first with host add</source>
        <translation>No such host; add it first with host add</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="140"/>
        <source>No such node in the network</source>
        <translation>No such node in the network</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="141"/>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="167"/>
        <source>No such organisation in the network</source>
        <translation>No such organisation in the network</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="142"/>
        <source>The network has a node of that name already</source>
        <translation>The network has a node of that name already</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="143"/>
        <source>A node name has 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;</source>
        <translation>A node name has 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="144"/>
        <source>The directory must be an absolute path</source>
        <translation>The directory must be an absolute path</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="145"/>
        <source>Three port numbers are needed: P2P, API, metrics</source>
        <translation>Three port numbers are needed: P2P, API, metrics</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="146"/>
        <source>A file path is needed</source>
        <translation>A file path is needed</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="147"/>
        <source>No such file</source>
        <translation>No such file</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="148"/>
        <source>Not enough free disk on the host</source>
        <translation>Not enough free disk on the host</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="149"/>
        <source>A port the node needs is in use on the host</source>
        <translation>A port the node needs is in use on the host</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="150"/>
        <source>The host&apos;s clock is too far off</source>
        <translation>The host&apos;s clock is too far off</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="151"/>
        <source>The host&apos;s clock is more than a second off</source>
        <translation>The host&apos;s clock is more than a second off</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="152"/>
        <source>An agent of another version is on the host</source>
        <translation>An agent of another version is on the host</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="153"/>
        <source>The agent copied to the host does not run there</source>
        <translation>The agent copied to the host does not run there</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="154"/>
        <source>A command on the host failed</source>
        <translation>A command on the host failed</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="155"/>
        <source>The organisation&apos;s CA key is not available</source>
        <translation>The organisation&apos;s CA key is not available</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="156"/>
        <source>The CA key is not the key of the organisation&apos;s CA certificate</source>
        <translation>The CA key is not the key of the organisation&apos;s CA certificate</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="157"/>
        <source>The CA key cannot be opened (passphrase)</source>
        <translation>The CA key cannot be opened (passphrase)</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="158"/>
        <source>The node&apos;s keys are not where they should be</source>
        <translation>The node&apos;s keys are not where they should be</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="159"/>
        <source>The file is not a node backup</source>
        <translation>The file is not a node backup</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="160"/>
        <source>The backup is of another node</source>
        <translation>The backup is of another node</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="161"/>
        <source>The node runs there already</source>
        <translation>The node runs there already</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="162"/>
        <source>Timed out</source>
        <translation>Timed out</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="163"/>
        <source>The proposal was withdrawn</source>
        <translation>The proposal was withdrawn</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="164"/>
        <source>The proposal expired before enough organisations approved</source>
        <translation>The proposal expired before enough organisations approved</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="165"/>
        <source>The governance key cannot be opened (its passphrase is missing or wrong)</source>
        <translation>The governance key cannot be opened (its passphrase is missing or wrong)</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="166"/>
        <source>This workstation holds no governance key of the organisation</source>
        <translation>This workstation holds no governance key of the organisation</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="168"/>
        <source>The proposal is not open any more; nothing was signed</source>
        <translation>The proposal is not open any more; nothing was signed</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="169"/>
        <source>The organisation approved it already; nothing was signed</source>
        <translation>The organisation approved it already; nothing was signed</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="170"/>
        <source>Only the proposing organisation may withdraw a proposal; nothing was signed</source>
        <translation>Only the proposing organisation may withdraw a proposal; nothing was signed</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="171"/>
        <source>No such runbook</source>
        <translation>No such runbook</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="172"/>
        <source>The runbook is done</source>
        <translation>The runbook is done</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="173"/>
        <source>The runbook was cancelled</source>
        <translation>The runbook was cancelled</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="174"/>
        <source>Another process is running the runbook</source>
        <translation>Another process is running the runbook</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="175"/>
        <source>Another runbook that takes nodes down is running on this network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="176"/>
        <source>The node&apos;s certificate was revoked by governance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="177"/>
        <source>The keys on the host are not the node&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="178"/>
        <source>The node does not use its new certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="179"/>
        <source>The runbook has a step this version does not know</source>
        <translation>The runbook has a step this version does not know</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="180"/>
        <source>Internal error</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="181"/>
        <source>An upgrade of that plan exists; resume or roll it back</source>
        <translation>An upgrade of that plan exists; resume or roll it back</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="182"/>
        <source>The release is not staged on every node (stage it first)</source>
        <translation>The release is not staged on every node (stage it first)</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="183"/>
        <source>The release staged on the nodes is not the same binary</source>
        <translation>The release staged on the nodes is not the same binary</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="184"/>
        <source>The activation height is too close to the chain&apos;s height</source>
        <translation>The activation height is too close to the chain&apos;s height</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="185"/>
        <source>No supervisor runs the node, so it cannot switch binaries</source>
        <translation>No supervisor runs the node, so it cannot switch binaries</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="186"/>
        <source>A node does not answer</source>
        <translation>A node does not answer</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="187"/>
        <source>That protocol version does not follow the one in force</source>
        <translation>That protocol version does not follow the one in force</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="189"/>
        <source>The new binary did not become healthy; its supervisor switched back</source>
        <translation>The new binary did not become healthy; its supervisor switched back</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="190"/>
        <source>A node halted</source>
        <translation>A node halted</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="191"/>
        <source>The chain has used that plan name before (names are used once, even after a cancellation): choose another</source>
        <translation>The chain has used that plan name before (names are used once, even after a cancellation): choose another</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="192"/>
        <source>A plan name has 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;</source>
        <translation>A plan name has 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="193"/>
        <source>A release label has 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;</source>
        <translation>A release label has 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="194"/>
        <source>The network directory holds no operator certificate of the node&apos;s organisation</source>
        <translation>The network directory holds no operator certificate of the node&apos;s organisation</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="195"/>
        <source>The network directory holds no organisation admin certificate</source>
        <translation>The network directory holds no organisation admin certificate</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="196"/>
        <source>The release does not implement the plan&apos;s protocol: every node would halt at the height</source>
        <translation>The release does not implement the plan&apos;s protocol: every node would halt at the height</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="197"/>
        <source>The release was not staged on every node</source>
        <translation>The release was not staged on every node</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="198"/>
        <source>Nodes that cannot take part in an upgrade (unreachable, halted or without a supervisor)</source>
        <translation>Nodes that cannot take part in an upgrade (unreachable, halted or without a supervisor)</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="199"/>
        <source>The canary was chosen when the upgrade started</source>
        <translation>The canary was chosen when the upgrade started</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="200"/>
        <source>The chain is not committing</source>
        <translation>The chain is not committing</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="202"/>
        <source>The chain is within 5 blocks of the activation height or past it: there is no rollback of a chain. Bring halted nodes forward instead (upgrade run switches them)</source>
        <translation>The chain is within 5 blocks of the activation height or past it: there is no rollback of a chain. Bring halted nodes forward instead (upgrade run switches them)</translation>
    </message>
    <message>
        <source>The chain is at or past the activation height: there is no rollback of a chain. Bring halted nodes forward instead (upgrade run switches them)</source>
        <translation type="vanished">The chain is at or past the activation height: there is no rollback of a chain. Bring halted nodes forward instead (upgrade run switches them)</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="58"/>
        <source>Release %1 staged on %2 of %3 nodes</source>
        <translation>Release %1 staged on %2 of %3 nodes</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="89"/>
        <source>Host %1 added (%2)</source>
        <translation>Host %1 added (%2)</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="106"/>
        <source>%1 (%2); %3 MiB free; clock %4 ms (± %5); agent %6; systemd %7</source>
        <translation>%1 (%2); %3 MiB free; clock %4 ms (± %5); agent %6; systemd %7</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="112"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="113"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="144"/>
        <source>%1 withdrew from the proposal</source>
        <translation>%1 withdrew from the proposal</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="145"/>
        <source>%1 approved the proposal</source>
        <translation>%1 approved the proposal</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="167"/>
        <source>Not proposed: no evidence against %1 verifies here (%2)</source>
        <translation>Not proposed: no evidence against %1 verifies here (%2)</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="191"/>
        <source>%1 proposed removing %2; the other organisations approve it on the Proposals page</source>
        <translation>%1 proposed removing %2; the other organisations approve it on the Proposals page</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/main.cpp" line="51"/>
        <source>Consortia</source>
        <translation>Consortia</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="65"/>
        <source>No network named %1 in the inventory.</source>
        <translation>No network named %1 in the inventory.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="76"/>
        <source>Cannot read the network in %1: %2</source>
        <translation>Cannot read the network in %1: %2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="92"/>
        <source>History is off: %1</source>
        <translation>History is off: %1</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../app/common/reasons.cpp" line="13"/>
        <source>Invalid input</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="14"/>
        <source>Malformed data</source>
        <translation>Malformed data</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="15"/>
        <source>Unsupported version or feature</source>
        <translation>Unsupported version or feature</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="16"/>
        <source>Too large</source>
        <translation>Too large</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="17"/>
        <source>Bad signature</source>
        <translation>Bad signature</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="18"/>
        <source>Bad certificate</source>
        <translation>Bad certificate</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="19"/>
        <source>Invalid block</source>
        <translation>Invalid block</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="20"/>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="21"/>
        <source>Nonce already used</source>
        <translation>Nonce already used</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="22"/>
        <source>Nonce too far ahead</source>
        <translation>Nonce too far ahead</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="23"/>
        <source>Transaction pool full</source>
        <translation>Transaction pool full</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="24"/>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="25"/>
        <source>Storage or system error</source>
        <translation>Storage or system error</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="26"/>
        <source>Stored data damaged</source>
        <translation>Stored data damaged</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="27"/>
        <source>Not authorised</source>
        <translation>Not authorised</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="28"/>
        <source>Proposal expired</source>
        <translation>Proposal expired</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="29"/>
        <source>Would leave the live validators short of a quorum</source>
        <translation>Would leave the live validators short of a quorum</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="30"/>
        <source>Would leave fewer than 4 validators</source>
        <translation>Would leave fewer than 4 validators</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="31"/>
        <source>Conflicts with the chain&apos;s state</source>
        <translation>Conflicts with the chain&apos;s state</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="32"/>
        <source>Too late or too soon for this height</source>
        <translation>Too late or too soon for this height</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="33"/>
        <source>Not available in this protocol version</source>
        <translation>Not available in this protocol version</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="34"/>
        <source>The node is down or cannot serve this now</source>
        <translation>The node is down or cannot serve this now</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../app/shell/startup.cpp" line="44"/>
        <source>Cannot read the certificate files of %1: %2</source>
        <translation>Cannot read the certificate files of %1: %2</translation>
    </message>
    <message>
        <location filename="../app/shell/startup.cpp" line="67"/>
        <source>Cannot start the sandbox network: %1</source>
        <translation>Cannot start the sandbox network: %1</translation>
    </message>
    <message>
        <location filename="../app/shell/startup.cpp" line="75"/>
        <source>Starting the sandbox network in %1…</source>
        <translation>Starting the sandbox network in %1…</translation>
    </message>
    <message>
        <location filename="../app/shell/startup.cpp" line="76"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../app/shell/startup.cpp" line="77"/>
        <source>Consortia</source>
        <translation>Consortia</translation>
    </message>
    <message>
        <location filename="../app/shell/startup.cpp" line="92"/>
        <source>The sandbox network did not start (exit status %1); its messages are on the terminal.</source>
        <translation>The sandbox network did not start (exit status %1); its messages are on the terminal.</translation>
    </message>
    <message>
        <location filename="../app/shell/startup.cpp" line="99"/>
        <source>The sandbox network did not start within two minutes; its messages are on the terminal.</source>
        <translation>The sandbox network did not start within two minutes; its messages are on the terminal.</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../app/common/wording.cpp" line="15"/>
        <source>No operator certificate for %1: the console can only watch this node.</source>
        <translation>No operator certificate for %1: the console can only watch this node.</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="31"/>
        <source>Applied “%1” on %2</source>
        <translation>Applied “%1” on %2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="31"/>
        <source>Could not apply “%1” on %2: %3</source>
        <translation>Could not apply “%1” on %2: %3</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="33"/>
        <source>Applied “%1” on the link %2 → %3</source>
        <translation>Applied “%1” on the link %2 → %3</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="34"/>
        <source>Could not apply “%1” on the link %2 → %3: %4</source>
        <translation>Could not apply “%1” on the link %2 → %3: %4</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="36"/>
        <source>Cleared the faults on %1</source>
        <translation>Cleared the faults on %1</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="36"/>
        <source>Could not clear the faults on %1: %2</source>
        <translation>Could not clear the faults on %1: %2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="38"/>
        <source>Partitioned %1 from the rest</source>
        <translation>Partitioned %1 from the rest</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="39"/>
        <source>The partition is incomplete: %1</source>
        <translation>The partition is incomplete: %1</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="41"/>
        <source>Cleared all faults on every node</source>
        <translation>Cleared all faults on every node</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="41"/>
        <source>Some faults remain: %1</source>
        <translation>Some faults remain: %1</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="43"/>
        <source>%1 now logs from level %2</source>
        <translation>%1 now logs from level %2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="44"/>
        <source>Could not set the log level of %1: %2</source>
        <translation>Could not set the log level of %1: %2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="55"/>
        <source>CA bundle</source>
        <translation>CA bundle</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="56"/>
        <source>client certificate</source>
        <translation>client certificate</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="57"/>
        <source>client key</source>
        <translation>client key</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="58"/>
        <source>operator certificate</source>
        <translation>operator certificate</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="59"/>
        <source>operator key</source>
        <translation>operator key</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="60"/>
        <source>genesis</source>
        <translation>genesis</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="64"/>
        <source>cannot open %1 %2</source>
        <translation>cannot open %1 %2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="65"/>
        <source>&apos;%1&apos; is not name=host:port</source>
        <translation>&apos;%1&apos; is not name=host:port</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="66"/>
        <source>&apos;%1&apos; repeats a name or an address</source>
        <translation>&apos;%1&apos; repeats a name or an address</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="67"/>
        <source>no agents given</source>
        <translation>no agents given</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="68"/>
        <source>a network needs a name</source>
        <translation>a network needs a name</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="69"/>
        <source>cannot read the %1 %2</source>
        <translation>cannot read the %1 %2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="71"/>
        <source>%1 is not a genesis file</source>
        <translation>%1 is not a genesis file</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="72"/>
        <source>%1 is not a PEM %2</source>
        <translation>%1 is not a PEM %2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="74"/>
        <source>%1 is not the private key of the %2&apos;s certificate</source>
        <translation>%1 is not the private key of the %2&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="75"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="76"/>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="77"/>
        <source>cannot save the network: %1</source>
        <translation>cannot save the network: %1</translation>
    </message>
</context>
<context>
    <name>consortia::console::AddNetworkDialog</name>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="25"/>
        <location filename="../app/shell/add_network_dialog.cpp" line="72"/>
        <source>Add an existing network</source>
        <translation>Add an existing network</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="29"/>
        <source>One agent per line: node name=host:port</source>
        <translation>One agent per line: node name=host:port</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="31"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="32"/>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="33"/>
        <source>CA bundle (PEM)</source>
        <translation>CA bundle (PEM)</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="33"/>
        <source>Client certificate (PEM)</source>
        <translation>Client certificate (PEM)</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="33"/>
        <source>Client key (PEM)</source>
        <translation>Client key (PEM)</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="34"/>
        <source>Operator certificate (optional)</source>
        <translation>Operator certificate (optional)</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="34"/>
        <source>Operator key (optional)</source>
        <translation>Operator key (optional)</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="35"/>
        <source>Genesis (optional, to check evidence proofs)</source>
        <translation>Genesis (optional, to check evidence proofs)</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="39"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="72"/>
        <source>Not added: %1</source>
        <translation>Not added: %1</translation>
    </message>
</context>
<context>
    <name>consortia::console::AlertsPage</name>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="88"/>
        <source>Alerts (%1 active)</source>
        <translation>Alerts (%1 active)</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="88"/>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="91"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="91"/>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="91"/>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="91"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="91"/>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="91"/>
        <source>Cleared</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="92"/>
        <source>Height stalled for (s)</source>
        <translation>Height stalled for (s)</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="92"/>
        <source>Lag above (blocks)</source>
        <translation>Lag above (blocks)</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="92"/>
        <source>View changes per minute above</source>
        <translation>View changes per minute above</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="93"/>
        <source>Connected peers below</source>
        <translation>Connected peers below</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="93"/>
        <source>Disk use above (%)</source>
        <translation>Disk use above (%)</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="94"/>
        <source>Certificate expires within (days)</source>
        <translation>Certificate expires within (days)</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="96"/>
        <source>Apply rules</source>
        <translation>Apply rules</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="97"/>
        <source>Propose removing the validator…</source>
        <translation>Propose removing the validator…</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="98"/>
        <source>For an equivocation: propose through governance that the validator be removed. The evidence is checked here first.</source>
        <translation>For an equivocation: propose through governance that the validator be removed. The evidence is checked here first.</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="100"/>
        <source>Renew the certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="101"/>
        <source>For an expiring certificate: sign the node&apos;s certificate again with its organisation&apos;s CA and restart its agent with it (a runbook).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="109"/>
        <source>Height stalled</source>
        <translation>Height stalled</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="110"/>
        <source>Lagging</source>
        <translation>Lagging</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="111"/>
        <source>Many view changes</source>
        <translation>Many view changes</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="112"/>
        <source>Few peers</source>
        <translation>Few peers</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="113"/>
        <source>Disk nearly full</source>
        <translation>Disk nearly full</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="114"/>
        <source>Certificate expiring</source>
        <translation>Certificate expiring</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="115"/>
        <source>Agent unreachable</source>
        <translation>Agent unreachable</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="116"/>
        <source>Duplicate identity</source>
        <translation>Duplicate identity</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="117"/>
        <source>Equivocation (signed twice in one view)</source>
        <translation>Equivocation (signed twice in one view)</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="121"/>
        <location filename="../app/alerts/alerts_page.cpp" line="128"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="122"/>
        <source>%1 blocks</source>
        <translation>%1 blocks</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="123"/>
        <source>%1 per minute</source>
        <translation>%1 per minute</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="124"/>
        <source>%1 peers</source>
        <translation>%1 peers</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="127"/>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="127"/>
        <source>%1 days left</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="129"/>
        <source>view %1</source>
        <translation>view %1</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="137"/>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="137"/>
        <source>cleared</source>
        <translation>cleared</translation>
    </message>
</context>
<context>
    <name>consortia::console::AnalysisPage</name>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="37"/>
        <source>Analysis</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="37"/>
        <source>Analysis (%1)</source>
        <translation>Analysis (%1)</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="41"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="41"/>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="41"/>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="41"/>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="41"/>
        <source>Suggested action</source>
        <translation>Suggested action</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="42"/>
        <source>No findings: every agent answers, no node lags or has halted, the nodes agree on their blocks and views change only at their pace. Double-click a finding, when there is one, for its charts.</source>
        <translation>No findings: every agent answers, no node lags or has halted, the nodes agree on their blocks and views change only at their pace. Double-click a finding, when there is one, for its charts.</translation>
    </message>
</context>
<context>
    <name>consortia::console::ChartsPage</name>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="98"/>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="103"/>
        <source>10 minutes</source>
        <translation>10 minutes</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="103"/>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="103"/>
        <source>6 hours</source>
        <translation>6 hours</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="103"/>
        <source>24 hours</source>
        <translation>24 hours</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="103"/>
        <source>7 days</source>
        <translation>7 days</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="103"/>
        <source>30 days</source>
        <translation>30 days</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="106"/>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="106"/>
        <source>View changes</source>
        <translation>View changes</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="106"/>
        <source>Bytes sent per second</source>
        <translation>Bytes sent per second</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="106"/>
        <source>Bytes received per second</source>
        <translation>Bytes received per second</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="107"/>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="107"/>
        <source>Connected peers</source>
        <translation>Connected peers</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="109"/>
        <source>Time range:</source>
        <translation>Time range:</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="110"/>
        <source>Per node:</source>
        <translation>Per node:</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="111"/>
        <source>Show everything</source>
        <translation>Show everything</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="121"/>
        <source>Focused on %1–%2%3</source>
        <translation>Focused on %1–%2%3</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="124"/>
        <source> · nodes: %1</source>
        <translation> · nodes: %1</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="208"/>
        <source>Network throughput (committed transactions per second)</source>
        <translation>Network throughput (committed transactions per second)</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="208"/>
        <source>tx/s</source>
        <translation>tx/s</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="209"/>
        <location filename="../app/charts/charts_page.cpp" line="210"/>
        <location filename="../app/charts/charts_page.cpp" line="212"/>
        <source>network</source>
        <translation>network</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="210"/>
        <source>Block interval</source>
        <translation>Block interval</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="210"/>
        <source>seconds</source>
        <translation>seconds</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="211"/>
        <source>Commit latency (submitted to committed)</source>
        <translation>Commit latency (submitted to committed)</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="211"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="228"/>
        <source> per node</source>
        <translation> per node</translation>
    </message>
</context>
<context>
    <name>consortia::console::ConsoleSession</name>
    <message>
        <location filename="../app/shell/session.cpp" line="118"/>
        <location filename="../app/shell/session.cpp" line="123"/>
        <source>Governance key passphrase</source>
        <translation>Governance key passphrase</translation>
    </message>
    <message>
        <location filename="../app/shell/session.cpp" line="119"/>
        <source>The governance key of %1 on this workstation is encrypted.
Its passphrase (kept in memory only):</source>
        <translation>The governance key of %1 on this workstation is encrypted.
Its passphrase (kept in memory only):</translation>
    </message>
    <message>
        <location filename="../app/shell/session.cpp" line="198"/>
        <source>This workstation holds no organisation&apos;s governance key: nothing can be proposed here</source>
        <translation>This workstation holds no organisation&apos;s governance key: nothing can be proposed here</translation>
    </message>
    <message>
        <location filename="../app/shell/session.cpp" line="204"/>
        <location filename="../app/shell/session.cpp" line="208"/>
        <source>Propose removal</source>
        <translation>Propose removal</translation>
    </message>
    <message>
        <location filename="../app/shell/session.cpp" line="204"/>
        <source>Propose as the admin of:</source>
        <translation>Propose as the admin of:</translation>
    </message>
    <message>
        <location filename="../app/shell/session.cpp" line="209"/>
        <source>Propose, as %1, that validator %2 be removed from the network?

Agents report evidence that %2 signed two different proposals or votes in the same view. The evidence is checked on this workstation before the proposal is signed; the other organisations approve it on the Proposals page.</source>
        <translation>Propose, as %1, that validator %2 be removed from the network?

Agents report evidence that %2 signed two different proposals or votes in the same view. The evidence is checked on this workstation before the proposal is signed; the other organisations approve it on the Proposals page.</translation>
    </message>
    <message>
        <source>The governance keys of %1 on this workstation are encrypted.
Their passphrase (kept in memory only):</source>
        <translation type="vanished">The governance keys of %1 on this workstation are encrypted.
Their passphrase (kept in memory only):</translation>
    </message>
</context>
<context>
    <name>consortia::console::DetailTabs</name>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="56"/>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="57"/>
        <source>Recent blocks</source>
        <translation>Recent blocks</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="58"/>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="59"/>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="60"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="61"/>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="61"/>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="61"/>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="61"/>
        <source>Proposer</source>
        <translation>Proposer</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="61"/>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="61"/>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="63"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="63"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="64"/>
        <source>Show from level:</source>
        <translation>Show from level:</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="65"/>
        <source>Node log level:</source>
        <translation>Node log level:</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="66"/>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="90"/>
        <source>(cannot read the log: %1)</source>
        <translation>(cannot read the log: %1)</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="102"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="109"/>
        <source>Host name</source>
        <translation>Host name</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="110"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="110"/>
        <source>simulated node (consortia-sim in real time)</source>
        <translation>simulated node (consortia-sim in real time)</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="110"/>
        <source>agent process</source>
        <translation>agent process</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="111"/>
        <source>Agent version</source>
        <translation>Agent version</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="112"/>
        <source>Protocol versions</source>
        <translation>Protocol versions</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="113"/>
        <source>Crypto suite</source>
        <translation>Crypto suite</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="114"/>
        <source>CPUs · load (1 min)</source>
        <translation>CPUs · load (1 min)</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="115"/>
        <source>Memory total · available</source>
        <translation>Memory total · available</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="116"/>
        <source>Process memory</source>
        <translation>Process memory</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="117"/>
        <source>Disk total · free</source>
        <translation>Disk total · free</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="118"/>
        <source>Data directory</source>
        <translation>Data directory</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="119"/>
        <source>Up for</source>
        <translation>Up for</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="119"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>consortia::console::ExplorerPage</name>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="69"/>
        <source>Explorer</source>
        <translation>Explorer</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="72"/>
        <source>Block (height or hash) or transaction id</source>
        <translation>Block (height or hash) or transaction id</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="73"/>
        <source>Evidence by document digest</source>
        <translation>Evidence by document digest</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="74"/>
        <source>e.g. 42, or 64 hex digits</source>
        <translation>e.g. 42, or 64 hex digits</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="75"/>
        <source>Look up</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="76"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="76"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="77"/>
        <source>Transactions in this block (double-click to open)</source>
        <translation>Transactions in this block (double-click to open)</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="78"/>
        <source>Asks the chosen node. Evidence proofs are checked here, against the validator keys of the network&apos;s genesis, not taken on the node&apos;s word.</source>
        <translation>Asks the chosen node. Evidence proofs are checked here, against the validator keys of the network&apos;s genesis, not taken on the node&apos;s word.</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="85"/>
        <source>Asking %1…</source>
        <translation>Asking %1…</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="117"/>
        <source>A document digest is 64 hex digits.</source>
        <translation>A document digest is 64 hex digits.</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="118"/>
        <source>Enter a height, or a block hash or transaction id of 64 hex digits.</source>
        <translation>Enter a height, or a block hash or transaction id of 64 hex digits.</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="121"/>
        <source>Not found or refused: %1</source>
        <translation>Not found or refused: %1</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="127"/>
        <source>Block %1 on %2</source>
        <translation>Block %1 on %2</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="128"/>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="129"/>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="130"/>
        <source>Parent hash</source>
        <translation>Parent hash</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="131"/>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="132"/>
        <source>Proposer</source>
        <translation>Proposer</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="133"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="134"/>
        <source>Protocol version</source>
        <translation>Protocol version</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="135"/>
        <source>State root</source>
        <translation>State root</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="136"/>
        <source>Transaction root</source>
        <translation>Transaction root</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="137"/>
        <source>Validator set hash</source>
        <translation>Validator set hash</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="138"/>
        <source>Votes in its parent&apos;s certificate</source>
        <translation>Votes in its parent&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="139"/>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="145"/>
        <source>Transaction in block %1</source>
        <translation>Transaction in block %1</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="146"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="147"/>
        <source>Block height</source>
        <translation>Block height</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="148"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="149"/>
        <source>Sender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="150"/>
        <source>Nonce</source>
        <translation>Nonce</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="151"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="151"/>
        <source>applied</source>
        <translation>applied</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="151"/>
        <source>refused: %1</source>
        <translation>refused: %1</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="153"/>
        <source>Evidence digest (double-click to prove)</source>
        <translation>Evidence digest (double-click to prove)</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="160"/>
        <source>✔ Verified: the record is on the chain, certified by a quorum of the trusted validators</source>
        <translation>✔ Verified: the record is on the chain, certified by a quorum of the trusted validators</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="163"/>
        <source>✘ Not verified: %1</source>
        <translation>✘ Not verified: %1</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="166"/>
        <source>Document digest</source>
        <translation>Document digest</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="167"/>
        <source>Record type</source>
        <translation>Record type</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="168"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="169"/>
        <source>Recorded at</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="170"/>
        <source>Submitter</source>
        <translation>Submitter</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="171"/>
        <source>State proven at block</source>
        <translation>State proven at block</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="172"/>
        <source>Block hash</source>
        <translation>Block hash</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="173"/>
        <source>Certificate votes</source>
        <translation>Certificate votes</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="174"/>
        <source>Crypto suite</source>
        <translation>Crypto suite</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="175"/>
        <source>Asked</source>
        <translation>Asked</translation>
    </message>
</context>
<context>
    <name>consortia::console::HostsPage</name>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="41"/>
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="48"/>
        <source>Hosts (%1)</source>
        <translation>Hosts (%1)</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="51"/>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="52"/>
        <source>Nodes run on this machine or on hosts reached over SSH with a key. The console keeps its own record of each host&apos;s key: an unknown key is shown for you to confirm, and a changed key stops every action on that host.</source>
        <translation>Nodes run on this machine or on hosts reached over SSH with a key. The console keeps its own record of each host&apos;s key: an unknown key is shown for you to confirm, and a changed key stops every action on that host.</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="55"/>
        <source>Add a host…</source>
        <translation>Add a host…</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="56"/>
        <source>Check the selected host</source>
        <translation>Check the selected host</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="57"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="57"/>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="57"/>
        <source>Host key (SHA256)</source>
        <translation>Host key (SHA256)</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="57"/>
        <source>Last check</source>
        <translation>Last check</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="68"/>
        <source>this machine</source>
        <translation>this machine</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="89"/>
        <source>Add a host</source>
        <translation>Add a host</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="96"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="97"/>
        <source>SSH (user@host[:port])</source>
        <translation>SSH (user@host[:port])</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="98"/>
        <source>Private key file</source>
        <translation>Private key file</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="100"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="101"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="118"/>
        <source>Confirm the host&apos;s key</source>
        <translation>Confirm the host&apos;s key</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="119"/>
        <source>%1 presents this host key:

%2

Compare it with the host&apos;s own (ask its administrator: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub). Is it the same?</source>
        <translation>%1 presents this host key:

%2

Compare it with the host&apos;s own (ask its administrator: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub). Is it the same?</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="127"/>
        <source>The host&apos;s key has changed</source>
        <translation>The host&apos;s key has changed</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="128"/>
        <source>The host %1 presents another key than the one confirmed before. Someone may be impersonating it, or it was reinstalled. Nothing was done.

Known: %2
Now: %3</source>
        <translation>The host %1 presents another key than the one confirmed before. Someone may be impersonating it, or it was reinstalled. Nothing was done.

Known: %2
Now: %3</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="133"/>
        <source>Host not added</source>
        <translation>Host not added</translation>
    </message>
</context>
<context>
    <name>consortia::console::LifecycleDialog</name>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="28"/>
        <source>this machine (local)</source>
        <translation>this machine (local)</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="51"/>
        <source>default: the network&apos;s nodes/NAME here, /var/lib/consortia/NAME on a host</source>
        <translation>default: the network&apos;s nodes/NAME here, /var/lib/consortia/NAME on a host</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="52"/>
        <source>promote to validator once synced</source>
        <translation>promote to validator once synced</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="39"/>
        <source>if the CA key is encrypted; kept in memory only</source>
        <translation>if the CA key is encrypted; kept in memory only</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="53"/>
        <source>Node name</source>
        <translation>Node name</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="54"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="55"/>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="80"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="56"/>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="81"/>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="87"/>
        <source>Directory</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="40"/>
        <source>Organisation CA key file</source>
        <translation>Organisation CA key file</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="36"/>
        <source>default: orgs/ORGANISATION/ca.key in the network directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="41"/>
        <source>Its passphrase</source>
        <translation>Its passphrase</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="64"/>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="68"/>
        <source>default: the console&apos;s archives folder</source>
        <translation>default: the console&apos;s archives folder</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="69"/>
        <source>Archive its data to</source>
        <translation>Archive its data to</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="72"/>
        <source>Backup file</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="75"/>
        <source>a backup made by Backup (.tar.gz)</source>
        <translation>a backup made by Backup (.tar.gz)</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="78"/>
        <source>default: where the node runs</source>
        <translation>default: where the node runs</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="79"/>
        <source>From backup</source>
        <translation>From backup</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="85"/>
        <source>absolute path on the target, e.g. /var/lib/consortia/NAME</source>
        <translation>absolute path on the target, e.g. /var/lib/consortia/NAME</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="86"/>
        <source>To host</source>
        <translation>To host</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="107"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="108"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="115"/>
        <source>The node&apos;s keys are made on the host and never leave it; its organisation&apos;s CA signs its certificate here. It joins as an observer, syncs, and is promoted if asked.</source>
        <translation>The node&apos;s keys are made on the host and never leave it; its organisation&apos;s CA signs its certificate here. It joins as an observer, syncs, and is promoted if asked.</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="118"/>
        <source>Demote and remove through governance, stop the agent, and keep an archive of its data with a manifest of SHA-256 sums.</source>
        <translation>Demote and remove through governance, stop the agent, and keep an archive of its data with a manifest of SHA-256 sums.</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="121"/>
        <source>An online, consistent copy of the node&apos;s store with a manifest: chain id, height, block hash, state root and file sums.</source>
        <translation>An online, consistent copy of the node&apos;s store with a manifest: chain id, height, block hash, state root and file sums.</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="124"/>
        <source>The backup is checked (sums, blocks linking, state root) before the node&apos;s store is replaced; the store it had is kept beside it.</source>
        <translation>The backup is checked (sums, blocks linking, state root) before the node&apos;s store is replaced; the store it had is kept beside it.</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="127"/>
        <source>The node&apos;s host makes a certificate request for the keys it has; its organisation&apos;s CA signs it here. The agent restarts with the new certificate (the old one is kept), never while that would leave the live validators short of a quorum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="131"/>
        <source>Back up, copy, fence the source (stopped, a tombstone, its key removed), start on the target with the same identity, and verify it is synced and voting.</source>
        <translation>Back up, copy, fence the source (stopped, a tombstone, its key removed), start on the target with the same identity, and verify it is synced and voting.</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="165"/>
        <source>Its certificate (or its CA, if sooner) expires on %1, in %2 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="168"/>
        <source>Its certificate&apos;s expiry is not known (the node did not answer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="169"/>
        <source>A validator: it stops voting while its agent restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="181"/>
        <source>Quorum preview: validators %1 → %2, tolerating %3 → %4 faults; quorum %5 → %6; live validators now %7, after the change %8.</source>
        <translation>Quorum preview: validators %1 → %2, tolerating %3 → %4 faults; quorum %5 → %6; live validators now %7, after the change %8.</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="192"/>
        <source>The live validators reach the new quorum.</source>
        <translation>The live validators reach the new quorum.</translation>
    </message>
</context>
<context>
    <name>consortia::console::MainWindow</name>
    <message>
        <location filename="../app/shell/main_window.cpp" line="125"/>
        <source>Consortia — %1</source>
        <translation>Consortia — %1</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="127"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="128"/>
        <source>&amp;Network</source>
        <translation>&amp;Network</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="171"/>
        <source>Add an existing network…</source>
        <translation>Add an existing network…</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="180"/>
        <source>Open %1 (%2 agents)</source>
        <translation>Open %1 (%2 agents)</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="173"/>
        <source>Added %1; open it from the Network menu.</source>
        <translation>Added %1; open it from the Network menu.</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="154"/>
        <source>%1 nodes, %2 reachable, %3 synced · height %4 · leader %5 · updated %6</source>
        <translation>%1 nodes, %2 reachable, %3 synced · height %4 · leader %5 · updated %6</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="159"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="160"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="164"/>
        <source>Failed: </source>
        <translation>Failed: </translation>
    </message>
</context>
<context>
    <name>consortia::console::NodeDetailPage</name>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="85"/>
        <source>Node detail</source>
        <translation>Node detail</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>RTT (ms)</source>
        <translation>RTT (ms)</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>Fault rule</source>
        <translation>Fault rule</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>Sent (bytes)</source>
        <translation>Sent (bytes)</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>Received (bytes)</source>
        <translation>Received (bytes)</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="91"/>
        <source>Network fault on this node&apos;s links:</source>
        <translation>Network fault on this node&apos;s links:</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="92"/>
        <source>netem words, e.g. delay 100ms 20ms loss 1%</source>
        <translation>netem words, e.g. delay 100ms 20ms loss 1%</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="93"/>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="94"/>
        <source>Clear all faults</source>
        <translation>Clear all faults</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="109"/>
        <source>Custom rule…</source>
        <translation>Custom rule…</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="128"/>
        <source>Apply network fault on the link to %1</source>
        <translation>Apply network fault on the link to %1</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="134"/>
        <source>Custom: %1</source>
        <translation>Custom: %1</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="174"/>
        <source>No node selected</source>
        <translation>No node selected</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="180"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="184"/>
        <source>partitioned from %1 peer(s)</source>
        <translation>partitioned from %1 peer(s)</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="186"/>
        <source>Node id</source>
        <translation>Node id</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="187"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="187"/>
        <source>validator</source>
        <translation>validator</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="187"/>
        <source>observer</source>
        <translation>observer</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="188"/>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="189"/>
        <source>Best peer height</source>
        <translation>Best peer height</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="190"/>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="191"/>
        <source>View changes</source>
        <translation>View changes</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="192"/>
        <source>Protocol version</source>
        <translation>Protocol version</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="193"/>
        <source>Validators</source>
        <translation>Validators</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="194"/>
        <source>Mempool</source>
        <translation>Mempool</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="195"/>
        <source>API address</source>
        <translation>API address</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="196"/>
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="196"/>
        <source>%1 tx/s · CPU %2% · commit latency %3 ms</source>
        <translation>%1 tx/s · CPU %2% · commit latency %3 ms</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="201"/>
        <source>Active faults</source>
        <translation>Active faults</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="201"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="202"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="202"/>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="202"/>
        <source>unreachable: %1</source>
        <translation>unreachable: %1</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="212"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="212"/>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>consortia::console::NodesModel</name>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="26"/>
        <source>A simulated node has no process of its own: this is its share of the simulator process&apos;s memory.</source>
        <translation>A simulated node has no process of its own: this is its share of the simulator process&apos;s memory.</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="37"/>
        <source>validator</source>
        <translation>validator</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="37"/>
        <source>observer</source>
        <translation>observer</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="60"/>
        <source>simulated</source>
        <translation>simulated</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="68"/>
        <source>%1 MiB · %2% full</source>
        <translation>%1 MiB · %2% full</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="84"/>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="85"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="86"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="87"/>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="88"/>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="89"/>
        <source>Lag</source>
        <translation>Lag</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="90"/>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="91"/>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="92"/>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="93"/>
        <source>TPS</source>
        <translation>TPS</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="94"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="95"/>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="96"/>
        <source>Disk (data · volume)</source>
        <translation>Disk (data · volume)</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="97"/>
        <source>Mempool</source>
        <translation>Mempool</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="98"/>
        <source>Last block</source>
        <translation>Last block</translation>
    </message>
</context>
<context>
    <name>consortia::console::NodesPage</name>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="44"/>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="47"/>
        <source>Filter by node, organisation, role or health</source>
        <translation>Filter by node, organisation, role or health</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="67"/>
        <source>Show details</source>
        <translation>Show details</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="68"/>
        <source>Apply network fault</source>
        <translation>Apply network fault</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="71"/>
        <source>Clear faults</source>
        <translation>Clear faults</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="77"/>
        <source>Partition the selected nodes from the rest</source>
        <translation>Partition the selected nodes from the rest</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="78"/>
        <source>Clear all faults on every node</source>
        <translation>Clear all faults on every node</translation>
    </message>
</context>
<context>
    <name>consortia::console::OverviewPage</name>
    <message>
        <location filename="../app/overview/overview_page.cpp" line="51"/>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../app/overview/overview_page.cpp" line="55"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../app/overview/overview_page.cpp" line="56"/>
        <source>● validator   ■ observer   gold ring: leader   colours: green synced, amber lagging, purple halted, red unreachable   links: RTT green &lt; 50 ms, amber &lt; 200 ms, red above; dashed: down, dotted: fault rule applied; above 30 nodes one bundle per pair of organisations, and only troubled links one by one   wheel: zoom, drag: pan, double-click: node detail</source>
        <translation>● validator   ■ observer   gold ring: leader   colours: green synced, amber lagging, purple halted, red unreachable   links: RTT green &lt; 50 ms, amber &lt; 200 ms, red above; dashed: down, dotted: fault rule applied; above 30 nodes one bundle per pair of organisations, and only troubled links one by one   wheel: zoom, drag: pan, double-click: node detail</translation>
    </message>
    <message>
        <location filename="../app/overview/overview_page.cpp" line="64"/>
        <source>Replaying %1</source>
        <translation>Replaying %1</translation>
    </message>
    <message>
        <location filename="../app/overview/overview_page.cpp" line="65"/>
        <source>Live · drag to replay history</source>
        <translation>Live · drag to replay history</translation>
    </message>
</context>
<context>
    <name>consortia::console::ProposalsPage</name>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="17"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="18"/>
        <source>enacted</source>
        <translation>enacted</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="19"/>
        <source>withdrawn</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="20"/>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="26"/>
        <source>add observer %1</source>
        <translation>add observer %1</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="27"/>
        <source>promote %1 to validator</source>
        <translation>promote %1 to validator</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="28"/>
        <source>demote %1 to observer</source>
        <translation>demote %1 to observer</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="29"/>
        <source>remove %1</source>
        <translation>remove %1</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="30"/>
        <source>upgrade %1</source>
        <translation>upgrade %1</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="31"/>
        <source>cancel upgrade %1</source>
        <translation>cancel upgrade %1</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="32"/>
        <source>revoke certificate %1</source>
        <translation>revoke certificate %1</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="71"/>
        <source>Proposals (%1 open)</source>
        <translation>Proposals (%1 open)</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="71"/>
        <source>Proposals</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="75"/>
        <source>Governance proposals</source>
        <translation>Governance proposals</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="76"/>
        <source>A proposal is enacted when more than two thirds of the organisations approve it. The console acts as an organisation whose admin certificate and governance key this workstation holds.</source>
        <translation>A proposal is enacted when more than two thirds of the organisations approve it. The console acts as an organisation whose admin certificate and governance key this workstation holds.</translation>
    </message>
    <message>
        <source>A proposal is enacted when more than two thirds of the organisations approve it. The console acts as an organisation whose admin certificate it holds.</source>
        <translation type="vanished">A proposal is enacted when more than two thirds of the organisations approve it. The console acts as an organisation whose admin certificate it holds.</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="78"/>
        <source>Act as</source>
        <translation>Act as</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="79"/>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="80"/>
        <source>Withdraw</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="81"/>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="81"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="81"/>
        <source>Proposed by</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="81"/>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="81"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="82"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="82"/>
        <source>Created at height</source>
        <translation>Created at height</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="82"/>
        <source>Expires at height</source>
        <translation>Expires at height</translation>
    </message>
</context>
<context>
    <name>consortia::console::RunbooksPage</name>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="64"/>
        <source>CA key passphrase</source>
        <translation>CA key passphrase</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="65"/>
        <source>The passphrase of %1 (empty if it has none)</source>
        <translation>The passphrase of %1 (empty if it has none)</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="81"/>
        <source>Runbooks (%1)</source>
        <translation>Runbooks (%1)</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="81"/>
        <source>Runbooks</source>
        <translation>Runbooks</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="85"/>
        <source>Node lifecycle</source>
        <translation>Node lifecycle</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="86"/>
        <source>Each runbook is a list of steps that can be resumed after the console closes; a step the chain or a host refuses stops it with the reason.</source>
        <translation>Each runbook is a list of steps that can be resumed after the console closes; a step the chain or a host refuses stops it with the reason.</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="88"/>
        <source>This network was opened from the inventory: the lifecycle needs its network directory (open it with --sandbox DIR or from the Network menu).</source>
        <translation>This network was opened from the inventory: the lifecycle needs its network directory (open it with --sandbox DIR or from the Network menu).</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="90"/>
        <source>Join a node…</source>
        <translation>Join a node…</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="91"/>
        <source>Retire a node…</source>
        <translation>Retire a node…</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="92"/>
        <source>Back up…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="93"/>
        <source>Restore…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="94"/>
        <source>Migrate…</source>
        <translation>Migrate…</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="95"/>
        <source>Renew certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="96"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="97"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="98"/>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="98"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="98"/>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="98"/>
        <location filename="../app/runbooks/runbooks_page.cpp" line="99"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="98"/>
        <location filename="../app/runbooks/runbooks_page.cpp" line="99"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="98"/>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="99"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="99"/>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="99"/>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="100"/>
        <source>Steps of the selected runbook</source>
        <translation>Steps of the selected runbook</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="181"/>
        <source>Runbook not started</source>
        <translation>Runbook not started</translation>
    </message>
</context>
<context>
    <name>consortia::console::TopologyView</name>
    <message>
        <location filename="../app/overview/topology_view.cpp" line="156"/>
        <source>%1 ↔ %2: RTT %3 ms, loss %4%%5</source>
        <translation>%1 ↔ %2: RTT %3 ms, loss %4%%5</translation>
    </message>
    <message>
        <location filename="../app/overview/topology_view.cpp" line="160"/>
        <source>, fault: %1</source>
        <translation>, fault: %1</translation>
    </message>
    <message>
        <location filename="../app/overview/topology_view.cpp" line="176"/>
        <source>%1 ↔ %2: %3 links, median RTT %4 ms, worst loss %5%</source>
        <translation>%1 ↔ %2: %3 links, median RTT %4 ms, worst loss %5%</translation>
    </message>
    <message>
        <location filename="../app/overview/topology_view.cpp" line="202"/>
        <source>%1 (%2)
%3, height %4, view %5%6</source>
        <translation>%1 (%2)
%3, height %4, view %5%6</translation>
    </message>
    <message>
        <location filename="../app/overview/topology_view.cpp" line="207"/>
        <source>
leader</source>
        <translation>
leader</translation>
    </message>
</context>
<context>
    <name>consortia::console::UpgradesPage</name>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="25"/>
        <source>validator</source>
        <translation>validator</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="26"/>
        <source>observer</source>
        <translation>observer</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="27"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="31"/>
        <source>synced</source>
        <translation>synced</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="32"/>
        <source>lagging</source>
        <translation>lagging</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="33"/>
        <source>syncing</source>
        <translation>syncing</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="34"/>
        <source>halted</source>
        <translation>halted</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="35"/>
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="83"/>
        <source>Roll back the upgrade</source>
        <translation>Roll back the upgrade</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="84"/>
        <source>Before the activation height, a rollback stops the upgrade, cancels plan %1 through governance and switches every node back to the binary it ran before. After the height there is no rollback of a chain. Roll back now?</source>
        <translation>Before the activation height, a rollback stops the upgrade, cancels plan %1 through governance and switches every node back to the binary it ran before. After the height there is no rollback of a chain. Roll back now?</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="93"/>
        <location filename="../app/upgrades/upgrades_page.cpp" line="96"/>
        <source>Upgrades</source>
        <translation>Upgrades</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="97"/>
        <source>A hard-fork upgrade switches every node to a new release, one at a time under its supervisor, then activates the new protocol at a height agreed through governance. The new release runs the old protocol until that height, so no node halts; a node whose new binary does not become healthy is switched back by its supervisor, and the upgrade stops with the reason.</source>
        <translation>A hard-fork upgrade switches every node to a new release, one at a time under its supervisor, then activates the new protocol at a height agreed through governance. The new release runs the old protocol until that height, so no node halts; a node whose new binary does not become healthy is switched back by its supervisor, and the upgrade stops with the reason.</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="101"/>
        <source>Stage a release…</source>
        <translation>Stage a release…</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="102"/>
        <source>Plan an upgrade…</source>
        <translation>Plan an upgrade…</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="103"/>
        <source>Run or resume</source>
        <translation>Run or resume</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="104"/>
        <source>Roll back…</source>
        <translation>Roll back…</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="105"/>
        <source>Readiness</source>
        <translation>Readiness</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="106"/>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="106"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="106"/>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="106"/>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="106"/>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="107"/>
        <source>Binary (SHA-256)</source>
        <translation>Binary (SHA-256)</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="107"/>
        <location filename="../app/upgrades/upgrades_page.cpp" line="248"/>
        <location filename="../app/upgrades/upgrades_page.cpp" line="280"/>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="107"/>
        <source>Supervised</source>
        <translation>Supervised</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="107"/>
        <source>Staged</source>
        <translation>Staged</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="108"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="108"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="108"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="123"/>
        <source>%1 (running)</source>
        <translation>%1 (running)</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="125"/>
        <source>%1 (implements %2–%3)</source>
        <translation>%1 (implements %2–%3)</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="134"/>
        <source>as installed</source>
        <translation>as installed</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="135"/>
        <source>simulated</source>
        <translation>simulated</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="136"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="137"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="167"/>
        <source>No upgrade yet</source>
        <translation>No upgrade yet</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="168"/>
        <source>A simulated network runs no binaries of its own: rehearse an upgrade in the simulator (consortia-sim, the upgrade scenarios) or on a sandbox of agents.</source>
        <translation>A simulated network runs no binaries of its own: rehearse an upgrade in the simulator (consortia-sim, the upgrade scenarios) or on a sandbox of agents.</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="170"/>
        <source>Stage a release on every node, then plan the upgrade: a name, the release, and when.</source>
        <translation>Stage a release on every node, then plan the upgrade: a name, the release, and when.</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="174"/>
        <source>%1 %2 (#%3): %4</source>
        <translation>%1 %2 (#%3): %4</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="192"/>
        <source>Protocol %1 activates at height %2: %3 blocks to go, about %4 s at %5 blocks a second.</source>
        <translation>Protocol %1 activates at height %2: %3 blocks to go, about %4 s at %5 blocks a second.</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="198"/>
        <source>Protocol %1 activates at height %2: %3 blocks to go.</source>
        <translation>Protocol %1 activates at height %2: %3 blocks to go.</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="199"/>
        <source>Cancelled before height %1.</source>
        <translation>Cancelled before height %1.</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="201"/>
        <source>Protocol %1 is in force on every node since height %2.</source>
        <translation>Protocol %1 is in force on every node since height %2.</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="203"/>
        <source>The chain passed height %1, but not every node runs protocol %2: see the nodes above.</source>
        <translation>The chain passed height %1, but not every node runs protocol %2: see the nodes above.</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="208"/>
        <source>Release %1 is switched to node by node; the plan&apos;s height is set once every node runs it.</source>
        <translation>Release %1 is switched to node by node; the plan&apos;s height is set once every node runs it.</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="211"/>
        <source>Rolling back plan %1.</source>
        <translation>Rolling back plan %1.</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="215"/>
        <source>Stopped at &quot;%1&quot;: %2</source>
        <translation>Stopped at &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="234"/>
        <source>Stage a release</source>
        <translation>Stage a release</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="236"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="243"/>
        <source>The release&apos;s consortia-agent binary</source>
        <translation>The release&apos;s consortia-agent binary</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="247"/>
        <source>Binary</source>
        <translation>Binary</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="250"/>
        <source>Stage on every node</source>
        <translation>Stage on every node</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="251"/>
        <location filename="../app/upgrades/upgrades_page.cpp" line="285"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="255"/>
        <source>The binary goes to every node&apos;s agent, which checks its SHA-256 and that it runs there before keeping it beside the one in use.</source>
        <translation>The binary goes to every node&apos;s agent, which checks its SHA-256 and that it runs there before keeping it beside the one in use.</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="265"/>
        <source>Plan an upgrade</source>
        <translation>Plan an upgrade</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="275"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="277"/>
        <source>an observer if there is one</source>
        <translation>an observer if there is one</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="279"/>
        <source>Plan name</source>
        <translation>Plan name</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="281"/>
        <source>Activate in about</source>
        <translation>Activate in about</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="282"/>
        <source>Canary node</source>
        <translation>Canary node</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="284"/>
        <source>Plan and run</source>
        <translation>Plan and run</translation>
    </message>
</context>
</TS>
