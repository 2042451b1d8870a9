<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Ctl</name>
    <message>
        <location filename="../app/ctl/main.cpp" line="400"/>
        <source>height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="401"/>
        <source>leader</source>
        <translation>主节点</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="788"/>
        <source>audit log intact: %1 entries, the last is %2 (hash %3)</source>
        <translation>审计日志完整：共 %1 条，最后一条为第 %2 条（哈希 %3）</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="794"/>
        <source>the chain starts at entry %1: entries 1 to %2 are not in these files (archived elsewhere, or removed)</source>
        <translation>链从第 %1 条开始：第 1 至 %2 条不在这些文件中（已另行归档，或已被删除）</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="801"/>
        <source>its last %1 bytes are an entry torn by a crash (never acknowledged); the agent cuts them when it starts</source>
        <translation>末尾 %1 字节是崩溃时写了一半的条目（从未确认）；代理启动时会将其截去</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="807"/>
        <source>audit log NOT intact: %1, line %2: %3</source>
        <translation>审计日志不完整：%1 第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="915"/>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="944"/>
        <source>The host presents this key fingerprint:</source>
        <translation>该主机出示的密钥指纹为：</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="946"/>
        <source>If it is the host&apos;s (ask its administrator: ssh-keygen -lf on its host key), add the host again with --fingerprint and that value.</source>
        <translation>若确为该主机的密钥（请向其管理员核对：对主机密钥执行 ssh-keygen -lf），请用 --fingerprint 加上该值重新添加主机。</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="955"/>
        <source>added host</source>
        <translation>已添加主机</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="737"/>
        <location filename="../app/ctl/main.cpp" line="766"/>
        <location filename="../app/ctl/main.cpp" line="1133"/>
        <source>runbook</source>
        <translation>运行手册</translation>
    </message>
</context>
<context>
    <name>FaultProfiles</name>
    <message>
        <location filename="../app/common/fault_profiles.cpp" line="9"/>
        <source>Rate limit 2048 kbit/s</source>
        <translation>限速 2048 kbit/s</translation>
    </message>
    <message>
        <location filename="../app/common/fault_profiles.cpp" line="10"/>
        <source>Delay 1000 ms ± 300 ms (30% correlated)</source>
        <translation>延迟 1000 毫秒 ± 300 毫秒（相关性 30%）</translation>
    </message>
    <message>
        <location filename="../app/common/fault_profiles.cpp" line="11"/>
        <source>Loss 10%</source>
        <translation>丢包 10%</translation>
    </message>
    <message>
        <location filename="../app/common/fault_profiles.cpp" line="12"/>
        <source>Duplicate 1%</source>
        <translation>重复 1%</translation>
    </message>
    <message>
        <location filename="../app/common/fault_profiles.cpp" line="13"/>
        <source>Corrupt 0.2%</source>
        <translation>损坏 0.2%</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="12"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="13"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="14"/>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="21"/>
        <source>Fork</source>
        <translation>分叉</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="22"/>
        <source>block hashes differ from height %1; all agree at %2</source>
        <translation>从高度 %1 起区块哈希不一致；在高度 %2 处全部一致</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="25"/>
        <source>Stop the odd node(s), keep their data for investigation and resync them from the majority; check for more than f Byzantine validators or a software difference.</source>
        <translation>停止异常节点并保留其数据以便调查，从多数节点重新同步；检查拜占庭验证节点是否超过 f 个，或软件版本是否不同。</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="31"/>
        <source>Lagging node</source>
        <translation>节点落后</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="34"/>
        <source>behind by %1 blocks: its disk is nearly full</source>
        <translation>落后 %1 块：其磁盘将满</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="35"/>
        <source>Free or grow the volume holding its data directory; it cannot store new blocks.</source>
        <translation>清理或扩容其数据目录所在的卷；否则无法写入新区块。</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="40"/>
        <source>behind by %1 blocks: it has no connected peers</source>
        <translation>落后 %1 个区块：没有已连接的对等节点</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="41"/>
        <source>Check its network, firewall and certificates; its log says why peers refuse it.</source>
        <translation>检查其网络、防火墙和证书；其日志会说明对等节点拒绝它的原因。</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="45"/>
        <source>behind by %1 blocks: its peers are behind too (best peer height %2)</source>
        <translation>落后 %1 个区块：其对等节点同样落后（对等节点最高高度 %2）</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="49"/>
        <source>Its sync sources are slow or partitioned: check the links of its organisation.</source>
        <translation>其同步来源缓慢或被分区：请检查所在机构的链路。</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="53"/>
        <source>behind by %1 blocks: syncing from peers at height %2</source>
        <translation>落后 %1 个区块：正在从高度 %2 的对等节点同步</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="56"/>
        <source>Watch that the gap closes; if not, check its disk and CPU.</source>
        <translation>观察差距是否缩小；若没有，请检查其磁盘和 CPU。</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="60"/>
        <source>View-change storm</source>
        <translation>视图切换风暴</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="61"/>
        <source>%1 view changes per minute</source>
        <translation>每分钟 %1 次视图切换</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="65"/>
        <source>; suspected: %1</source>
        <translation>；疑似原因节点：%1</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="66"/>
        <source>Look for a leader that is down or slow and for lossy links around it.</source>
        <translation>排查宕机或缓慢的主节点及其周围丢包的链路。</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="71"/>
        <source>Node down</source>
        <translation>节点停止</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="72"/>
        <source>the agent answers but its node is not running: %1</source>
        <translation>代理有响应，但其节点未运行：%1</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="74"/>
        <source>Look at the node&apos;s log through its agent and restart the node.</source>
        <translation>通过代理查看节点日志并重启节点。</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="76"/>
        <source>Agent unreachable</source>
        <translation>代理不可达</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="78"/>
        <source>the agent did not answer: %1</source>
        <translation>代理未响应：%1</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="79"/>
        <source>Check the agent process and the network path to it; the node itself may still run.</source>
        <translation>检查代理进程及到它的网络路径；节点本身可能仍在运行。</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="84"/>
        <source>Duplicate identity</source>
        <translation>身份重复</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="86"/>
        <source>one node identity connects from %1 and from %2 at once</source>
        <translation>同一节点身份同时从 %1 和 %2 连接</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="88"/>
        <source>Stop the copy that should not run (a migrated node&apos;s old host, a copied key) before it signs twice; its tombstone says where the node moved.</source>
        <translation>在其重复签名之前停止不应运行的副本（迁移节点的旧主机、被复制的密钥）；墓碑文件记录了节点迁往何处。</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="94"/>
        <source>Node halted</source>
        <translation>节点停机</translation>
    </message>
    <message>
        <location filename="../app/analysis/finding_text.cpp" line="96"/>
        <source>Install the release that implements the upgrade and restart the node on its data.</source>
        <translation>安装实现该升级的版本，并在原数据上重启节点。</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <location filename="../app/common/health.cpp" line="9"/>
        <source>synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../app/common/health.cpp" line="10"/>
        <source>lagging</source>
        <translation>落后</translation>
    </message>
    <message>
        <location filename="../app/common/health.cpp" line="11"/>
        <source>halted</source>
        <translation>已停机</translation>
    </message>
    <message>
        <location filename="../app/common/health.cpp" line="12"/>
        <source>unreachable</source>
        <translation>不可达</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="14"/>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="15"/>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="16"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="17"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="18"/>
        <source>Migration</source>
        <translation>迁移</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="19"/>
        <source>Certificate renewal</source>
        <translation>证书续期</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="20"/>
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="21"/>
        <source>Upgrade rollback</source>
        <translation>升级回滚</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="27"/>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="39"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="28"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="29"/>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="40"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="30"/>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="41"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="31"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="38"/>
        <source>pending</source>
        <translation>待执行</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="52"/>
        <source>Check the host</source>
        <translation>检查主机</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="53"/>
        <source>Check the target host</source>
        <translation>检查目标主机</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="54"/>
        <source>Check the backup</source>
        <translation>检查备份</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="55"/>
        <source>Copy the agent and the network&apos;s files</source>
        <translation>复制代理程序和网络文件</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="56"/>
        <source>Copy the agent and the network&apos;s files to the target</source>
        <translation>向目标复制代理程序和网络文件</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="57"/>
        <source>Make the node&apos;s keys on the host</source>
        <translation>在主机上生成节点密钥</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="58"/>
        <source>The host makes a certificate request for the node&apos;s keys</source>
        <translation>主机为节点现有密钥生成证书请求</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="59"/>
        <source>Sign its certificate with the organisation&apos;s CA</source>
        <translation>用机构 CA 签发其证书</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="60"/>
        <source>Install the certificate and restart the agent</source>
        <translation>安装证书并重启代理</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="61"/>
        <source>Governance: add as an observer</source>
        <translation>治理：添加为观察节点</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="62"/>
        <source>Start the agent</source>
        <translation>启动代理</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="63"/>
        <source>Catch up with the network</source>
        <translation>追平网络</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="64"/>
        <source>Governance: promote to validator</source>
        <translation>治理：提升为验证节点</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="65"/>
        <source>Quorum preview</source>
        <translation>法定人数预览</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="66"/>
        <source>Governance: demote to observer</source>
        <translation>治理：降为观察节点</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="67"/>
        <source>Governance: remove from the network</source>
        <translation>治理：移出网络</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="68"/>
        <source>Stop the agent</source>
        <translation>停止代理</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="69"/>
        <source>Archive its data here</source>
        <translation>在本机归档其数据</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="70"/>
        <source>Remove it from the network&apos;s records</source>
        <translation>从网络记录中删除</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="71"/>
        <source>Back up the store</source>
        <translation>备份存储</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="72"/>
        <source>Back up the source</source>
        <translation>备份源节点</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="73"/>
        <source>Restore the store</source>
        <translation>恢复存储</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="74"/>
        <source>Move the node&apos;s identity</source>
        <translation>迁移节点身份</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="75"/>
        <source>Restore the backup on the target</source>
        <translation>在目标上恢复备份</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="76"/>
        <source>Fence the source</source>
        <translation>隔离源节点</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="77"/>
        <source>Start on the target</source>
        <translation>在目标上启动</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="78"/>
        <source>Verify it is synced and the network commits</source>
        <translation>确认其已同步且网络持续出块</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="79"/>
        <source>Readiness: every node reachable, supervised, the release staged</source>
        <translation>就绪检查：所有节点可达、有监管进程、已暂存发布版本</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="80"/>
        <source>Canary: switch one node and watch it</source>
        <translation>金丝雀：先切换一个节点并观察</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="81"/>
        <source>Switch the other nodes one at a time, validators last</source>
        <translation>逐个切换其余节点，验证节点最后</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="82"/>
        <source>Governance: schedule the upgrade</source>
        <translation>治理：安排升级计划</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="83"/>
        <source>Watch the activation</source>
        <translation>监视生效</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="84"/>
        <source>Stop the upgrade runbook</source>
        <translation>停止升级运行手册</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="85"/>
        <source>Governance: cancel the plan</source>
        <translation>治理：取消升级计划</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="86"/>
        <source>Switch the nodes back to their binaries</source>
        <translation>把节点切回原来的二进制</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="95"/>
        <source>Proposing %1 as %2</source>
        <translation>正在以 %2 身份提出 %1</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="96"/>
        <source>Proposed %1 as %2</source>
        <translation>已以 %2 身份提出 %1</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="98"/>
        <source>%1: approved by %2; pending: %3</source>
        <translation>%1：已批准 %2；待批准 %3</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="99"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="100"/>
        <source>Copied %1</source>
        <translation>已复制 %1</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="101"/>
        <source>Copying to %1</source>
        <translation>正在复制到 %1</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="102"/>
        <source>Waiting for %1&apos;s agent to answer</source>
        <translation>等待 %1 的代理应答</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="103"/>
        <source>%1 at height %2 of %3</source>
        <translation>%1 高度 %2 / %3</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="104"/>
        <source>Waiting for %1 to become a %2</source>
        <translation>等待 %1 成为 %2</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="106"/>
        <source>%1: %2 of %3 blocks on the new binary</source>
        <translation>%1：已在新二进制上提交 %2/%3 个块</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="108"/>
        <source>Waiting to take %1 down: %2</source>
        <translation>等待可安全停止 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="109"/>
        <source>Activation height %1</source>
        <translation>生效高度 %1</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="111"/>
        <source>%1 blocks (about %2 s) to height %3</source>
        <translation>距高度 %3 还有 %1 个块（约 %2 秒）</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="113"/>
        <source>Waiting for the chain to pass height %1 (at %2)</source>
        <translation>等待链越过高度 %1（当前 %2）</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="114"/>
        <source>Stopping runbook #%1</source>
        <translation>正在停止运行手册 #%1</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="115"/>
        <source>Watching %1 commit with the network</source>
        <translation>观察 %1 随网络出块</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="125"/>
        <source>The host cannot be reached</source>
        <translation>无法连接主机</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="126"/>
        <source>The host&apos;s key is unknown; confirm its fingerprint</source>
        <translation>主机密钥未知，请确认其指纹</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="128"/>
        <source>WARNING: the host&apos;s key has changed; nothing was done (known key, then the one presented)</source>
        <translation>警告：主机密钥已变更，未做任何操作（先为已知密钥，后为当前出示的密钥）</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="130"/>
        <source>The host presents another key than the fingerprint given; nothing was done (given, then presented)</source>
        <translation>主机出示的密钥与给定指纹不符，未做任何操作（先为给定的，后为出示的）</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="131"/>
        <source>The host answered something that is not what was asked</source>
        <translation>主机的应答与请求不符</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="132"/>
        <source>The host made the key of a node that exists already</source>
        <translation>主机生成的是一个已存在节点的密钥</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="133"/>
        <source>The proposal on the chain is not the one that was asked; nothing was approved</source>
        <translation>链上的提案不是所请求的提案，未做任何批准</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="134"/>
        <source>No such network in the inventory</source>
        <translation>清单中没有该网络</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="135"/>
        <source>Bad usage</source>
        <translation>用法错误</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="136"/>
        <source>The host refused the SSH key</source>
        <translation>主机拒绝了该 SSH 密钥</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="137"/>
        <source>The SSH key file cannot be read</source>
        <translation>无法读取 SSH 密钥文件</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="138"/>
        <source>SSH failed</source>
        <translation>SSH 失败</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="139"/>
        <source>No such host; add it first with host add</source>
        <translation>没有该主机，请先用 host add 添加</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="140"/>
        <source>No such node in the network</source>
        <translation>网络中没有该节点</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="141"/>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="167"/>
        <source>No such organisation in the network</source>
        <translation>网络中没有该机构</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="142"/>
        <source>The network has a node of that name already</source>
        <translation>网络中已有同名节点</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="143"/>
        <source>A node name has 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;</source>
        <translation>节点名称由 1 到 64 个字母、数字、&apos;-&apos;、&apos;_&apos; 或 &apos;.&apos; 组成</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="144"/>
        <source>The directory must be an absolute path</source>
        <translation>目录必须是绝对路径</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="145"/>
        <source>Three port numbers are needed: P2P, API, metrics</source>
        <translation>需要三个端口号：P2P、API、指标</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="146"/>
        <source>A file path is needed</source>
        <translation>需要文件路径</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="147"/>
        <source>No such file</source>
        <translation>没有该文件</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="148"/>
        <source>Not enough free disk on the host</source>
        <translation>主机磁盘剩余空间不足</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="149"/>
        <source>A port the node needs is in use on the host</source>
        <translation>节点所需端口在主机上已被占用</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="150"/>
        <source>The host&apos;s clock is too far off</source>
        <translation>主机时钟偏差过大</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="151"/>
        <source>The host&apos;s clock is more than a second off</source>
        <translation>主机时钟偏差超过一秒</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="152"/>
        <source>An agent of another version is on the host</source>
        <translation>主机上有其他版本的代理</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="153"/>
        <source>The agent copied to the host does not run there</source>
        <translation>复制到主机的代理无法在该主机运行</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="154"/>
        <source>A command on the host failed</source>
        <translation>主机上的命令执行失败</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="155"/>
        <source>The organisation&apos;s CA key is not available</source>
        <translation>无法获得机构 CA 私钥</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="156"/>
        <source>The CA key is not the key of the organisation&apos;s CA certificate</source>
        <translation>该 CA 私钥与机构 CA 证书不匹配</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="157"/>
        <source>The CA key cannot be opened (passphrase)</source>
        <translation>无法打开 CA 私钥（口令）</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="158"/>
        <source>The node&apos;s keys are not where they should be</source>
        <translation>节点密钥不在应在的位置</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="159"/>
        <source>The file is not a node backup</source>
        <translation>该文件不是节点备份</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="160"/>
        <source>The backup is of another node</source>
        <translation>该备份属于另一个节点</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="161"/>
        <source>The node runs there already</source>
        <translation>节点已在该处运行</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="162"/>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="163"/>
        <source>The proposal was withdrawn</source>
        <translation>提案已撤回</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="164"/>
        <source>The proposal expired before enough organisations approved</source>
        <translation>提案在足够多机构批准前已过期</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="165"/>
        <source>The governance key cannot be opened (its passphrase is missing or wrong)</source>
        <translation>无法打开治理密钥（口令缺失或错误）</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="166"/>
        <source>This workstation holds no governance key of the organisation</source>
        <translation>本工作站没有该机构的治理密钥</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="168"/>
        <source>The proposal is not open any more; nothing was signed</source>
        <translation>提案已不再开放；未签署任何内容</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="169"/>
        <source>The organisation approved it already; nothing was signed</source>
        <translation>该机构已批准过此提案；未签署任何内容</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="170"/>
        <source>Only the proposing organisation may withdraw a proposal; nothing was signed</source>
        <translation>只有提出提案的机构才能撤回提案；未签署任何内容</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="171"/>
        <source>No such runbook</source>
        <translation>没有该运行手册</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="172"/>
        <source>The runbook is done</source>
        <translation>运行手册已完成</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="173"/>
        <source>The runbook was cancelled</source>
        <translation>运行手册已取消</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="174"/>
        <source>Another process is running the runbook</source>
        <translation>另一个进程正在执行该运行手册</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="175"/>
        <source>Another runbook that takes nodes down is running on this network</source>
        <translation>本网络上另一个会停止节点的运行手册正在执行</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="176"/>
        <source>The node&apos;s certificate was revoked by governance</source>
        <translation>该节点的证书已被治理吊销</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="177"/>
        <source>The keys on the host are not the node&apos;s</source>
        <translation>主机上的密钥不属于该节点</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="178"/>
        <source>The node does not use its new certificate</source>
        <translation>节点未使用其新证书</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="179"/>
        <source>The runbook has a step this version does not know</source>
        <translation>运行手册含有本版本不认识的步骤</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="180"/>
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="181"/>
        <source>An upgrade of that plan exists; resume or roll it back</source>
        <translation>该计划已有升级运行手册；请继续或回滚</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="182"/>
        <source>The release is not staged on every node (stage it first)</source>
        <translation>发布版本未在所有节点上暂存（请先暂存）</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="183"/>
        <source>The release staged on the nodes is not the same binary</source>
        <translation>各节点暂存的发布版本不是同一个二进制</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="184"/>
        <source>The activation height is too close to the chain&apos;s height</source>
        <translation>生效高度离链的当前高度太近</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="185"/>
        <source>No supervisor runs the node, so it cannot switch binaries</source>
        <translation>该节点没有监管进程，无法切换二进制</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="186"/>
        <source>A node does not answer</source>
        <translation>有节点无响应</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="187"/>
        <source>That protocol version does not follow the one in force</source>
        <translation>该协议版本不是当前生效版本的下一版</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="189"/>
        <source>The new binary did not become healthy; its supervisor switched back</source>
        <translation>新二进制未能健康运行，监管进程已切回</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="190"/>
        <source>A node halted</source>
        <translation>有节点已停机</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="191"/>
        <source>The chain has used that plan name before (names are used once, even after a cancellation): choose another</source>
        <translation>链上已用过该计划名称（名称只能用一次，取消后也不能再用）：请换一个</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="192"/>
        <source>A plan name has 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;</source>
        <translation>计划名称由 1 到 64 个字母、数字、“-”“_”或“.”组成</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="193"/>
        <source>A release label has 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;</source>
        <translation>发布版本标签由 1 到 64 个字母、数字、“-”“_”或“.”组成</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="194"/>
        <source>The network directory holds no operator certificate of the node&apos;s organisation</source>
        <translation>网络目录中没有该节点所属机构的操作员证书</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="195"/>
        <source>The network directory holds no organisation admin certificate</source>
        <translation>网络目录中没有任何机构的管理员证书</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="196"/>
        <source>The release does not implement the plan&apos;s protocol: every node would halt at the height</source>
        <translation>该发布版本未实现计划的协议版本：所有节点都会在该高度停机</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="197"/>
        <source>The release was not staged on every node</source>
        <translation>发布版本未能在所有节点上暂存</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="198"/>
        <source>Nodes that cannot take part in an upgrade (unreachable, halted or without a supervisor)</source>
        <translation>无法参与升级的节点（不可达、已停机或没有监管进程）</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="199"/>
        <source>The canary was chosen when the upgrade started</source>
        <translation>金丝雀节点已在升级开始时选定</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="200"/>
        <source>The chain is not committing</source>
        <translation>链没有在出块</translation>
    </message>
    <message>
        <location filename="../app/lifecycle/lifecycle_text.cpp" line="202"/>
        <source>The chain is within 5 blocks of the activation height or past it: there is no rollback of a chain. Bring halted nodes forward instead (upgrade run switches them)</source>
        <translation>链距生效高度不足 5 个块或已越过：链无法回滚。请把停机的节点推进到新版本（upgrade run 会切换它们）</translation>
    </message>
    <message>
        <source>The chain is at or past the activation height: there is no rollback of a chain. Bring halted nodes forward instead (upgrade run switches them)</source>
        <translation type="vanished">链已到达或超过生效高度：链无法回退。请把停机的节点推进到新版本（upgrade run 会切换它们）</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="58"/>
        <source>Release %1 staged on %2 of %3 nodes</source>
        <translation>发布版本 %1 已在 %3 个节点中的 %2 个上暂存</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="89"/>
        <source>Host %1 added (%2)</source>
        <translation>已添加主机 %1（%2）</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="106"/>
        <source>%1 (%2); %3 MiB free; clock %4 ms (± %5); agent %6; systemd %7</source>
        <translation>%1（%2）；剩余 %3 MiB；时钟 %4 毫秒（± %5）；代理 %6；systemd %7</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="112"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="113"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="144"/>
        <source>%1 withdrew from the proposal</source>
        <translation>%1 已撤回对提案的批准</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="145"/>
        <source>%1 approved the proposal</source>
        <translation>%1 已批准提案</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="167"/>
        <source>Not proposed: no evidence against %1 verifies here (%2)</source>
        <translation>未提议：针对 %1 的证据均未通过本机校验（%2）</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_query.cpp" line="191"/>
        <source>%1 proposed removing %2; the other organisations approve it on the Proposals page</source>
        <translation>%1 已提议移除 %2；其他机构在“提案”页批准</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/main.cpp" line="51"/>
        <source>Consortia</source>
        <translation>Consortia 联盟链运维台</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="65"/>
        <source>No network named %1 in the inventory.</source>
        <translation>清单中没有名为 %1 的网络。</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="76"/>
        <source>Cannot read the network in %1: %2</source>
        <translation>无法读取 %1 中的网络：%2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="92"/>
        <source>History is off: %1</source>
        <translation>历史记录不可用：%1</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../app/common/reasons.cpp" line="13"/>
        <source>Invalid input</source>
        <translation>输入无效</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="14"/>
        <source>Malformed data</source>
        <translation>数据格式错误</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="15"/>
        <source>Unsupported version or feature</source>
        <translation>不支持的版本或功能</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="16"/>
        <source>Too large</source>
        <translation>过大</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="17"/>
        <source>Bad signature</source>
        <translation>签名无效</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="18"/>
        <source>Bad certificate</source>
        <translation>证书无效</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="19"/>
        <source>Invalid block</source>
        <translation>区块无效</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="20"/>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="21"/>
        <source>Nonce already used</source>
        <translation>序号已被使用</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="22"/>
        <source>Nonce too far ahead</source>
        <translation>序号超前过多</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="23"/>
        <source>Transaction pool full</source>
        <translation>交易池已满</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="24"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="25"/>
        <source>Storage or system error</source>
        <translation>存储或系统错误</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="26"/>
        <source>Stored data damaged</source>
        <translation>存储数据已损坏</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="27"/>
        <source>Not authorised</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="28"/>
        <source>Proposal expired</source>
        <translation>提案已过期</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="29"/>
        <source>Would leave the live validators short of a quorum</source>
        <translation>变更后存活的验证节点将不足法定人数</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="30"/>
        <source>Would leave fewer than 4 validators</source>
        <translation>变更后验证节点将少于 4 个</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="31"/>
        <source>Conflicts with the chain&apos;s state</source>
        <translation>与链上状态冲突</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="32"/>
        <source>Too late or too soon for this height</source>
        <translation>对该高度而言过早或过晚</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="33"/>
        <source>Not available in this protocol version</source>
        <translation>当前协议版本不支持</translation>
    </message>
    <message>
        <location filename="../app/common/reasons.cpp" line="34"/>
        <source>The node is down or cannot serve this now</source>
        <translation>节点已停止或暂时无法提供此服务</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../app/shell/startup.cpp" line="44"/>
        <source>Cannot read the certificate files of %1: %2</source>
        <translation>无法读取 %1 的证书文件：%2</translation>
    </message>
    <message>
        <location filename="../app/shell/startup.cpp" line="67"/>
        <source>Cannot start the sandbox network: %1</source>
        <translation>无法启动沙箱网络：%1</translation>
    </message>
    <message>
        <location filename="../app/shell/startup.cpp" line="75"/>
        <source>Starting the sandbox network in %1…</source>
        <translation>正在启动 %1 中的沙箱网络…</translation>
    </message>
    <message>
        <location filename="../app/shell/startup.cpp" line="76"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/shell/startup.cpp" line="77"/>
        <source>Consortia</source>
        <translation>Consortia 联盟链运维台</translation>
    </message>
    <message>
        <location filename="../app/shell/startup.cpp" line="92"/>
        <source>The sandbox network did not start (exit status %1); its messages are on the terminal.</source>
        <translation>沙箱网络未能启动（退出状态 %1）；详情见终端输出。</translation>
    </message>
    <message>
        <location filename="../app/shell/startup.cpp" line="99"/>
        <source>The sandbox network did not start within two minutes; its messages are on the terminal.</source>
        <translation>沙箱网络在两分钟内未能启动；详情见终端输出。</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../app/common/wording.cpp" line="15"/>
        <source>No operator certificate for %1: the console can only watch this node.</source>
        <translation>没有 %1 的运维人员证书：控制台只能查看此节点。</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="31"/>
        <source>Applied “%1” on %2</source>
        <translation>已在 %2 上应用“%1”</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="31"/>
        <source>Could not apply “%1” on %2: %3</source>
        <translation>无法在 %2 上应用“%1”：%3</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="33"/>
        <source>Applied “%1” on the link %2 → %3</source>
        <translation>已在链路 %2 → %3 上施加“%1”</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="34"/>
        <source>Could not apply “%1” on the link %2 → %3: %4</source>
        <translation>无法在链路 %2 → %3 上施加“%1”：%4</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="36"/>
        <source>Cleared the faults on %1</source>
        <translation>已清除 %1 上的故障</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="36"/>
        <source>Could not clear the faults on %1: %2</source>
        <translation>无法清除 %1 上的故障：%2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="38"/>
        <source>Partitioned %1 from the rest</source>
        <translation>已将 %1 与其余节点隔离</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="39"/>
        <source>The partition is incomplete: %1</source>
        <translation>隔离未完全生效：%1</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="41"/>
        <source>Cleared all faults on every node</source>
        <translation>已清除所有节点上的全部故障</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="41"/>
        <source>Some faults remain: %1</source>
        <translation>部分故障仍然存在：%1</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="43"/>
        <source>%1 now logs from level %2</source>
        <translation>%1 的日志级别已设为 %2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="44"/>
        <source>Could not set the log level of %1: %2</source>
        <translation>无法设置 %1 的日志级别：%2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="55"/>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="56"/>
        <source>client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="57"/>
        <source>client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="58"/>
        <source>operator certificate</source>
        <translation>运维证书</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="59"/>
        <source>operator key</source>
        <translation>运维私钥</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="60"/>
        <source>genesis</source>
        <translation>创世文件</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="64"/>
        <source>cannot open %1 %2</source>
        <translation>无法打开 %1 %2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="65"/>
        <source>&apos;%1&apos; is not name=host:port</source>
        <translation>“%1”不是 名称=主机:端口 的格式</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="66"/>
        <source>&apos;%1&apos; repeats a name or an address</source>
        <translation>“%1”的名称或地址重复</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="67"/>
        <source>no agents given</source>
        <translation>未给出代理</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="68"/>
        <source>a network needs a name</source>
        <translation>网络需要一个名称</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="69"/>
        <source>cannot read the %1 %2</source>
        <translation>无法读取%1 %2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="71"/>
        <source>%1 is not a genesis file</source>
        <translation>%1 不是创世文件</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="72"/>
        <source>%1 is not a PEM %2</source>
        <translation>%1 不是 PEM 格式的%2</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="74"/>
        <source>%1 is not the private key of the %2&apos;s certificate</source>
        <translation>%1 不是%2证书的私钥</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="75"/>
        <source>operator</source>
        <translation>运维</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="76"/>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location filename="../app/common/wording.cpp" line="77"/>
        <source>cannot save the network: %1</source>
        <translation>无法保存网络：%1</translation>
    </message>
</context>
<context>
    <name>consortia::console::AddNetworkDialog</name>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="25"/>
        <location filename="../app/shell/add_network_dialog.cpp" line="72"/>
        <source>Add an existing network</source>
        <translation>添加已有网络</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="29"/>
        <source>One agent per line: node name=host:port</source>
        <translation>每行一个代理：节点名=主机:端口</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="31"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="32"/>
        <source>Agents</source>
        <translation>代理</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="33"/>
        <source>CA bundle (PEM)</source>
        <translation>CA 证书包（PEM）</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="33"/>
        <source>Client certificate (PEM)</source>
        <translation>客户端证书（PEM）</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="33"/>
        <source>Client key (PEM)</source>
        <translation>客户端私钥（PEM）</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="34"/>
        <source>Operator certificate (optional)</source>
        <translation>运维证书（可选）</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="34"/>
        <source>Operator key (optional)</source>
        <translation>运维私钥（可选）</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="35"/>
        <source>Genesis (optional, to check evidence proofs)</source>
        <translation>创世文件（可选，用于校验存证证明）</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="39"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../app/shell/add_network_dialog.cpp" line="72"/>
        <source>Not added: %1</source>
        <translation>未添加：%1</translation>
    </message>
</context>
<context>
    <name>consortia::console::AlertsPage</name>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="88"/>
        <source>Alerts (%1 active)</source>
        <translation>告警（%1 条进行中）</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="88"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="91"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="91"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="91"/>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="91"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="91"/>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="91"/>
        <source>Cleared</source>
        <translation>解除时间</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="92"/>
        <source>Height stalled for (s)</source>
        <translation>区块高度停滞超过（秒）</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="92"/>
        <source>Lag above (blocks)</source>
        <translation>落后超过（块）</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="92"/>
        <source>View changes per minute above</source>
        <translation>每分钟视图切换超过</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="93"/>
        <source>Connected peers below</source>
        <translation>已连接对等节点少于</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="93"/>
        <source>Disk use above (%)</source>
        <translation>磁盘使用率超过（%）</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="94"/>
        <source>Certificate expires within (days)</source>
        <translation>证书到期前告警（天）</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="96"/>
        <source>Apply rules</source>
        <translation>应用规则</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="97"/>
        <source>Propose removing the validator…</source>
        <translation>提议移除该验证节点…</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="98"/>
        <source>For an equivocation: propose through governance that the validator be removed. The evidence is checked here first.</source>
        <translation>针对双签告警：通过治理提议移除该验证节点。提议前先在本机校验证据。</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="100"/>
        <source>Renew the certificate…</source>
        <translation>续期证书…</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="101"/>
        <source>For an expiring certificate: sign the node&apos;s certificate again with its organisation&apos;s CA and restart its agent with it (a runbook).</source>
        <translation>针对即将到期的证书：用节点所属机构的 CA 重新签发证书，并以新证书重启其代理（运行手册）。</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="109"/>
        <source>Height stalled</source>
        <translation>区块高度停滞</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="110"/>
        <source>Lagging</source>
        <translation>落后</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="111"/>
        <source>Many view changes</source>
        <translation>视图切换频繁</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="112"/>
        <source>Few peers</source>
        <translation>对等连接过少</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="113"/>
        <source>Disk nearly full</source>
        <translation>磁盘将满</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="114"/>
        <source>Certificate expiring</source>
        <translation>证书即将到期</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="115"/>
        <source>Agent unreachable</source>
        <translation>代理不可达</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="116"/>
        <source>Duplicate identity</source>
        <translation>身份重复</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="117"/>
        <source>Equivocation (signed twice in one view)</source>
        <translation>双签（同一视图签名两次）</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="121"/>
        <location filename="../app/alerts/alerts_page.cpp" line="128"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="122"/>
        <source>%1 blocks</source>
        <translation>%1 块</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="123"/>
        <source>%1 per minute</source>
        <translation>每分钟 %1 次</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="124"/>
        <source>%1 peers</source>
        <translation>%1 个对等节点</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="127"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="127"/>
        <source>%1 days left</source>
        <translation>剩余 %1 天</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="129"/>
        <source>view %1</source>
        <translation>视图 %1</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="137"/>
        <source>active</source>
        <translation>告警中</translation>
    </message>
    <message>
        <location filename="../app/alerts/alerts_page.cpp" line="137"/>
        <source>cleared</source>
        <translation>已解除</translation>
    </message>
</context>
<context>
    <name>consortia::console::AnalysisPage</name>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="37"/>
        <source>Analysis</source>
        <translation>故障分析</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="37"/>
        <source>Analysis (%1)</source>
        <translation>故障分析（%1）</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="41"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="41"/>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="41"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="41"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="41"/>
        <source>Suggested action</source>
        <translation>建议操作</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysis_page.cpp" line="42"/>
        <source>No findings: every agent answers, no node lags or has halted, the nodes agree on their blocks and views change only at their pace. Double-click a finding, when there is one, for its charts.</source>
        <translation>没有发现问题：所有代理均有应答，没有节点落后或停机，各节点的区块一致，视图切换频率正常。出现问题时，双击某条发现即可查看对应图表。</translation>
    </message>
</context>
<context>
    <name>consortia::console::ChartsPage</name>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="98"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="103"/>
        <source>10 minutes</source>
        <translation>10 分钟</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="103"/>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="103"/>
        <source>6 hours</source>
        <translation>6 小时</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="103"/>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="103"/>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="103"/>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="106"/>
        <source>Height</source>
        <translation>区块高度</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="106"/>
        <source>View changes</source>
        <translation>视图切换次数</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="106"/>
        <source>Bytes sent per second</source>
        <translation>每秒发送字节数</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="106"/>
        <source>Bytes received per second</source>
        <translation>每秒接收字节数</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="107"/>
        <source>CPU (%)</source>
        <translation>CPU（%）</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="107"/>
        <source>Connected peers</source>
        <translation>已连接对等节点</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="109"/>
        <source>Time range:</source>
        <translation>时间范围：</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="110"/>
        <source>Per node:</source>
        <translation>按节点：</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="111"/>
        <source>Show everything</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="121"/>
        <source>Focused on %1–%2%3</source>
        <translation>聚焦于 %1–%2%3</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="124"/>
        <source> · nodes: %1</source>
        <translation> · 节点：%1</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="208"/>
        <source>Network throughput (committed transactions per second)</source>
        <translation>网络吞吐量（每秒提交交易数）</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="208"/>
        <source>tx/s</source>
        <translation>笔/秒</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="209"/>
        <location filename="../app/charts/charts_page.cpp" line="210"/>
        <location filename="../app/charts/charts_page.cpp" line="212"/>
        <source>network</source>
        <translation>全网</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="210"/>
        <source>Block interval</source>
        <translation>出块间隔</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="210"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="211"/>
        <source>Commit latency (submitted to committed)</source>
        <translation>提交延迟（从提交到上链）</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="211"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location filename="../app/charts/charts_page.cpp" line="228"/>
        <source> per node</source>
        <translation>（按节点）</translation>
    </message>
</context>
<context>
    <name>consortia::console::ConsoleSession</name>
    <message>
        <location filename="../app/shell/session.cpp" line="118"/>
        <location filename="../app/shell/session.cpp" line="123"/>
        <source>Governance key passphrase</source>
        <translation>治理密钥口令</translation>
    </message>
    <message>
        <location filename="../app/shell/session.cpp" line="119"/>
        <source>The governance key of %1 on this workstation is encrypted.
Its passphrase (kept in memory only):</source>
        <translation>本工作站上 %1 的治理密钥已加密。
请输入其口令（仅保存在内存中）：</translation>
    </message>
    <message>
        <location filename="../app/shell/session.cpp" line="198"/>
        <source>This workstation holds no organisation&apos;s governance key: nothing can be proposed here</source>
        <translation>本工作站没有任何机构的治理密钥：无法在此提议</translation>
    </message>
    <message>
        <location filename="../app/shell/session.cpp" line="204"/>
        <location filename="../app/shell/session.cpp" line="208"/>
        <source>Propose removal</source>
        <translation>提议移除</translation>
    </message>
    <message>
        <location filename="../app/shell/session.cpp" line="204"/>
        <source>Propose as the admin of:</source>
        <translation>选择以哪个机构的管理员身份提议：</translation>
    </message>
    <message>
        <location filename="../app/shell/session.cpp" line="209"/>
        <source>Propose, as %1, that validator %2 be removed from the network?

Agents report evidence that %2 signed two different proposals or votes in the same view. The evidence is checked on this workstation before the proposal is signed; the other organisations approve it on the Proposals page.</source>
        <translation>确定以 %1 的身份提议将验证节点 %2 从网络中移除？

代理报告了 %2 在同一视图中签署两个不同提案或投票（双签）的证据。签署提议前，本工作站会先校验该证据；其他机构在“提案”页批准该提议。</translation>
    </message>
    <message>
        <source>The governance keys of %1 on this workstation are encrypted.
Their passphrase (kept in memory only):</source>
        <translation type="vanished">本工作站上 %1 的治理密钥已加密。
请输入口令（仅保存在内存中）：</translation>
    </message>
</context>
<context>
    <name>consortia::console::DetailTabs</name>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="56"/>
        <source>Peers</source>
        <translation>对等连接</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="57"/>
        <source>Recent blocks</source>
        <translation>最近区块</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="58"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="59"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="60"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="61"/>
        <source>Height</source>
        <translation>区块高度</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="61"/>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="61"/>
        <source>Transactions</source>
        <translation>交易数</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="61"/>
        <source>Proposer</source>
        <translation>提议者</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="61"/>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="61"/>
        <source>Votes</source>
        <translation>投票数</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="62"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="63"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="63"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="64"/>
        <source>Show from level:</source>
        <translation>显示级别不低于：</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="65"/>
        <source>Node log level:</source>
        <translation>节点日志级别：</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="66"/>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="90"/>
        <source>(cannot read the log: %1)</source>
        <translation>（无法读取日志：%1）</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="102"/>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="109"/>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="110"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="110"/>
        <source>simulated node (consortia-sim in real time)</source>
        <translation>模拟节点（consortia-sim 实时运行）</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="110"/>
        <source>agent process</source>
        <translation>代理进程</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="111"/>
        <source>Agent version</source>
        <translation>代理版本</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="112"/>
        <source>Protocol versions</source>
        <translation>协议版本范围</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="113"/>
        <source>Crypto suite</source>
        <translation>密码套件</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="114"/>
        <source>CPUs · load (1 min)</source>
        <translation>CPU 数 · 负载（1 分钟）</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="115"/>
        <source>Memory total · available</source>
        <translation>内存总量 · 可用</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="116"/>
        <source>Process memory</source>
        <translation>进程内存</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="117"/>
        <source>Disk total · free</source>
        <translation>磁盘总量 · 可用</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="118"/>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="119"/>
        <source>Up for</source>
        <translation>已运行</translation>
    </message>
    <message>
        <location filename="../app/node_detail/detail_tabs.cpp" line="119"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>consortia::console::ExplorerPage</name>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="69"/>
        <source>Explorer</source>
        <translation>区块浏览器</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="72"/>
        <source>Block (height or hash) or transaction id</source>
        <translation>区块（高度或哈希）或交易 ID</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="73"/>
        <source>Evidence by document digest</source>
        <translation>按文件摘要查询存证</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="74"/>
        <source>e.g. 42, or 64 hex digits</source>
        <translation>例如 42，或 64 位十六进制</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="75"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="76"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="76"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="77"/>
        <source>Transactions in this block (double-click to open)</source>
        <translation>本区块的交易（双击打开）</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="78"/>
        <source>Asks the chosen node. Evidence proofs are checked here, against the validator keys of the network&apos;s genesis, not taken on the node&apos;s word.</source>
        <translation>向所选节点查询。存证证明由控制台依据创世区块中的验证节点公钥自行校验，而不是采信节点的说法。</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="85"/>
        <source>Asking %1…</source>
        <translation>正在查询 %1…</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="117"/>
        <source>A document digest is 64 hex digits.</source>
        <translation>文档摘要是 64 位十六进制数。</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="118"/>
        <source>Enter a height, or a block hash or transaction id of 64 hex digits.</source>
        <translation>请输入区块高度，或 64 位十六进制的区块哈希或交易 ID。</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="121"/>
        <source>Not found or refused: %1</source>
        <translation>未找到或被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="127"/>
        <source>Block %1 on %2</source>
        <translation>区块 %1（来自 %2）</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="128"/>
        <source>Height</source>
        <translation>区块高度</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="129"/>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="130"/>
        <source>Parent hash</source>
        <translation>父区块哈希</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="131"/>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="132"/>
        <source>Proposer</source>
        <translation>提议者</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="133"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="134"/>
        <source>Protocol version</source>
        <translation>协议版本</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="135"/>
        <source>State root</source>
        <translation>状态根</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="136"/>
        <source>Transaction root</source>
        <translation>交易根</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="137"/>
        <source>Validator set hash</source>
        <translation>验证节点集合哈希</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="138"/>
        <source>Votes in its parent&apos;s certificate</source>
        <translation>父区块证书中的投票数</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="139"/>
        <source>Transactions</source>
        <translation>交易数</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="145"/>
        <source>Transaction in block %1</source>
        <translation>位于区块 %1 的交易</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="146"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="147"/>
        <source>Block height</source>
        <translation>区块高度</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="148"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="149"/>
        <source>Sender</source>
        <translation>发送方</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="150"/>
        <source>Nonce</source>
        <translation>序号（Nonce）</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="151"/>
        <source>Outcome</source>
        <translation>执行结果</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="151"/>
        <source>applied</source>
        <translation>已执行</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="151"/>
        <source>refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="153"/>
        <source>Evidence digest (double-click to prove)</source>
        <translation>存证摘要（双击获取证明）</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="160"/>
        <source>✔ Verified: the record is on the chain, certified by a quorum of the trusted validators</source>
        <translation>✔ 校验通过：该记录已上链，并由可信验证节点的法定多数签名认证</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="163"/>
        <source>✘ Not verified: %1</source>
        <translation>✘ 校验未通过：%1</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="166"/>
        <source>Document digest</source>
        <translation>文件摘要</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="167"/>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="168"/>
        <source>Owner</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="169"/>
        <source>Recorded at</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="170"/>
        <source>Submitter</source>
        <translation>提交者</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="171"/>
        <source>State proven at block</source>
        <translation>证明所依据的区块高度</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="172"/>
        <source>Block hash</source>
        <translation>区块哈希</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="173"/>
        <source>Certificate votes</source>
        <translation>证书投票数</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="174"/>
        <source>Crypto suite</source>
        <translation>密码套件</translation>
    </message>
    <message>
        <location filename="../app/explorer/explorer_page.cpp" line="175"/>
        <source>Asked</source>
        <translation>查询节点</translation>
    </message>
</context>
<context>
    <name>consortia::console::HostsPage</name>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="41"/>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="48"/>
        <source>Hosts (%1)</source>
        <translation>主机（%1）</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="51"/>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="52"/>
        <source>Nodes run on this machine or on hosts reached over SSH with a key. The console keeps its own record of each host&apos;s key: an unknown key is shown for you to confirm, and a changed key stops every action on that host.</source>
        <translation>节点运行在本机或通过 SSH 密钥访问的主机上。控制台自行记录每台主机的密钥：未知密钥会显示给您确认，密钥变更将阻止对该主机的一切操作。</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="55"/>
        <source>Add a host…</source>
        <translation>添加主机…</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="56"/>
        <source>Check the selected host</source>
        <translation>检查所选主机</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="57"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="57"/>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="57"/>
        <source>Host key (SHA256)</source>
        <translation>主机密钥（SHA256）</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="57"/>
        <source>Last check</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="68"/>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="89"/>
        <source>Add a host</source>
        <translation>添加主机</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="96"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="97"/>
        <source>SSH (user@host[:port])</source>
        <translation>SSH（用户@主机[:端口]）</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="98"/>
        <source>Private key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="100"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="101"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="118"/>
        <source>Confirm the host&apos;s key</source>
        <translation>确认主机密钥</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="119"/>
        <source>%1 presents this host key:

%2

Compare it with the host&apos;s own (ask its administrator: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub). Is it the same?</source>
        <translation>%1 出示的主机密钥为：

%2

请与该主机自身的密钥核对（向其管理员询问：ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub）。两者是否一致？</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="127"/>
        <source>The host&apos;s key has changed</source>
        <translation>主机密钥已变更</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="128"/>
        <source>The host %1 presents another key than the one confirmed before. Someone may be impersonating it, or it was reinstalled. Nothing was done.

Known: %2
Now: %3</source>
        <translation>主机 %1 出示的密钥与此前确认的不同。可能有人冒充该主机，或该主机已重装。未做任何操作。

已知：%2
当前：%3</translation>
    </message>
    <message>
        <location filename="../app/hosts/hosts_page.cpp" line="133"/>
        <source>Host not added</source>
        <translation>未添加主机</translation>
    </message>
</context>
<context>
    <name>consortia::console::LifecycleDialog</name>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="28"/>
        <source>this machine (local)</source>
        <translation>本机（local）</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="51"/>
        <source>default: the network&apos;s nodes/NAME here, /var/lib/consortia/NAME on a host</source>
        <translation>默认：本机为网络的 nodes/名称，其他主机为 /var/lib/consortia/名称</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="52"/>
        <source>promote to validator once synced</source>
        <translation>同步后提升为验证节点</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="39"/>
        <source>if the CA key is encrypted; kept in memory only</source>
        <translation>CA 私钥加密时填写；仅保存在内存中</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="53"/>
        <source>Node name</source>
        <translation>节点名称</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="54"/>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="55"/>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="80"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="56"/>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="81"/>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="87"/>
        <source>Directory</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="40"/>
        <source>Organisation CA key file</source>
        <translation>机构 CA 私钥文件</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="36"/>
        <source>default: orgs/ORGANISATION/ca.key in the network directory</source>
        <translation>默认：网络目录中的 orgs/机构/ca.key</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="41"/>
        <source>Its passphrase</source>
        <translation>其口令</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="64"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="68"/>
        <source>default: the console&apos;s archives folder</source>
        <translation>默认：控制台的归档目录</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="69"/>
        <source>Archive its data to</source>
        <translation>数据归档到</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="72"/>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="75"/>
        <source>a backup made by Backup (.tar.gz)</source>
        <translation>由“备份”生成的备份（.tar.gz）</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="78"/>
        <source>default: where the node runs</source>
        <translation>默认：节点当前运行的位置</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="79"/>
        <source>From backup</source>
        <translation>从备份</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="85"/>
        <source>absolute path on the target, e.g. /var/lib/consortia/NAME</source>
        <translation>目标上的绝对路径，如 /var/lib/consortia/名称</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="86"/>
        <source>To host</source>
        <translation>目标主机</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="107"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="108"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="115"/>
        <source>The node&apos;s keys are made on the host and never leave it; its organisation&apos;s CA signs its certificate here. It joins as an observer, syncs, and is promoted if asked.</source>
        <translation>节点密钥在主机上生成且永不离开该主机；其机构 CA 在此签发证书。节点以观察节点身份加入、完成同步，如有要求再提升为验证节点。</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="118"/>
        <source>Demote and remove through governance, stop the agent, and keep an archive of its data with a manifest of SHA-256 sums.</source>
        <translation>通过治理降级并移除，停止代理，并保留其数据归档及 SHA-256 校验清单。</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="121"/>
        <source>An online, consistent copy of the node&apos;s store with a manifest: chain id, height, block hash, state root and file sums.</source>
        <translation>节点存储的在线一致性副本，附清单：链标识、高度、区块哈希、状态根和文件校验和。</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="124"/>
        <source>The backup is checked (sums, blocks linking, state root) before the node&apos;s store is replaced; the store it had is kept beside it.</source>
        <translation>替换节点存储前先检查备份（校验和、区块链接、状态根）；原存储保留在旁。</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="127"/>
        <source>The node&apos;s host makes a certificate request for the keys it has; its organisation&apos;s CA signs it here. The agent restarts with the new certificate (the old one is kept), never while that would leave the live validators short of a quorum.</source>
        <translation>节点主机为其现有密钥生成证书请求，由其机构 CA 在此签发。代理以新证书重启（旧证书保留）；若重启会使在线验证节点不足法定人数，则不会进行。</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="131"/>
        <source>Back up, copy, fence the source (stopped, a tombstone, its key removed), start on the target with the same identity, and verify it is synced and voting.</source>
        <translation>备份、复制、隔离源节点（停止、写入墓碑、删除密钥），以同一身份在目标上启动，并确认其已同步并参与投票。</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="165"/>
        <source>Its certificate (or its CA, if sooner) expires on %1, in %2 days.</source>
        <translation>其证书（或其 CA，取较早者）将于 %1 到期，剩余 %2 天。</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="168"/>
        <source>Its certificate&apos;s expiry is not known (the node did not answer).</source>
        <translation>其证书到期时间未知（节点未应答）。</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="169"/>
        <source>A validator: it stops voting while its agent restarts.</source>
        <translation>这是验证节点：代理重启期间它不参与投票。</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="181"/>
        <source>Quorum preview: validators %1 → %2, tolerating %3 → %4 faults; quorum %5 → %6; live validators now %7, after the change %8.</source>
        <translation>法定人数预览：验证节点 %1 → %2，可容忍故障 %3 → %4；法定人数 %5 → %6；当前存活验证节点 %7，变更后 %8。</translation>
    </message>
    <message>
        <location filename="../app/runbooks/lifecycle_dialog.cpp" line="192"/>
        <source>The live validators reach the new quorum.</source>
        <translation>存活验证节点可达到新的法定人数。</translation>
    </message>
</context>
<context>
    <name>consortia::console::MainWindow</name>
    <message>
        <location filename="../app/shell/main_window.cpp" line="125"/>
        <source>Consortia — %1</source>
        <translation>Consortia 联盟链运维台 — %1</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="127"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="128"/>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="171"/>
        <source>Add an existing network…</source>
        <translation>添加已有网络…</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="180"/>
        <source>Open %1 (%2 agents)</source>
        <translation>打开 %1（%2 个代理）</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="173"/>
        <source>Added %1; open it from the Network menu.</source>
        <translation>已添加 %1，可在“网络”菜单中打开。</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="154"/>
        <source>%1 nodes, %2 reachable, %3 synced · height %4 · leader %5 · updated %6</source>
        <translation>共 %1 个节点，%2 个可达，%3 个已同步 · 区块高度 %4 · 主节点 %5 · 更新于 %6</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="159"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="160"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../app/shell/main_window.cpp" line="164"/>
        <source>Failed: </source>
        <translation>失败：</translation>
    </message>
</context>
<context>
    <name>consortia::console::NodeDetailPage</name>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="85"/>
        <source>Node detail</source>
        <translation>节点详情</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>Peer</source>
        <translation>对等节点</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>RTT (ms)</source>
        <translation>往返时延（毫秒）</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>Loss</source>
        <translation>丢包率</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>Fault rule</source>
        <translation>故障规则</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>Sent (bytes)</source>
        <translation>发送字节</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="90"/>
        <source>Received (bytes)</source>
        <translation>接收字节</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="91"/>
        <source>Network fault on this node&apos;s links:</source>
        <translation>本节点链路上的网络故障：</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="92"/>
        <source>netem words, e.g. delay 100ms 20ms loss 1%</source>
        <translation>netem 规则，例如 delay 100ms 20ms loss 1%</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="93"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="94"/>
        <source>Clear all faults</source>
        <translation>清除全部故障</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="109"/>
        <source>Custom rule…</source>
        <translation>自定义规则…</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="128"/>
        <source>Apply network fault on the link to %1</source>
        <translation>在通往 %1 的链路上施加网络故障</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="134"/>
        <source>Custom: %1</source>
        <translation>自定义：%1</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="174"/>
        <source>No node selected</source>
        <translation>未选择节点</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="180"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="184"/>
        <source>partitioned from %1 peer(s)</source>
        <translation>与 %1 个对等节点隔离</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="186"/>
        <source>Node id</source>
        <translation>节点 ID</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="187"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="187"/>
        <source>validator</source>
        <translation>验证节点</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="187"/>
        <source>observer</source>
        <translation>观察节点</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="188"/>
        <source>Height</source>
        <translation>区块高度</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="189"/>
        <source>Best peer height</source>
        <translation>对等节点最高高度</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="190"/>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="191"/>
        <source>View changes</source>
        <translation>视图切换次数</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="192"/>
        <source>Protocol version</source>
        <translation>协议版本</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="193"/>
        <source>Validators</source>
        <translation>验证节点数</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="194"/>
        <source>Mempool</source>
        <translation>交易池</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="195"/>
        <source>API address</source>
        <translation>API 地址</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="196"/>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="196"/>
        <source>%1 tx/s · CPU %2% · commit latency %3 ms</source>
        <translation>%1 笔/秒 · CPU %2% · 提交延迟 %3 毫秒</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="201"/>
        <source>Active faults</source>
        <translation>生效的故障</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="201"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="202"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="202"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="202"/>
        <source>unreachable: %1</source>
        <translation>不可达：%1</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="212"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../app/node_detail/node_detail_page.cpp" line="212"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>consortia::console::NodesModel</name>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="26"/>
        <source>A simulated node has no process of its own: this is its share of the simulator process&apos;s memory.</source>
        <translation>模拟节点没有独立进程：此处为它在模拟器进程内存中所占的份额。</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="37"/>
        <source>validator</source>
        <translation>验证节点</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="37"/>
        <source>observer</source>
        <translation>观察节点</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="60"/>
        <source>simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="68"/>
        <source>%1 MiB · %2% full</source>
        <translation>%1 MiB · 已用 %2%</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="84"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="85"/>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="86"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="87"/>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="88"/>
        <source>Height</source>
        <translation>区块高度</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="89"/>
        <source>Lag</source>
        <translation>落后块数</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="90"/>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="91"/>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="92"/>
        <source>Peers</source>
        <translation>对等连接</translation>
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
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="96"/>
        <source>Disk (data · volume)</source>
        <translation>磁盘（数据 · 卷）</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="97"/>
        <source>Mempool</source>
        <translation>交易池</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_model.cpp" line="98"/>
        <source>Last block</source>
        <translation>最新区块时间</translation>
    </message>
</context>
<context>
    <name>consortia::console::NodesPage</name>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="44"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="47"/>
        <source>Filter by node, organisation, role or health</source>
        <translation>按节点、机构、角色或健康状态筛选</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="67"/>
        <source>Show details</source>
        <translation>查看详情</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="68"/>
        <source>Apply network fault</source>
        <translation>注入网络故障</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="71"/>
        <source>Clear faults</source>
        <translation>清除故障</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="77"/>
        <source>Partition the selected nodes from the rest</source>
        <translation>将所选节点与其余节点隔离</translation>
    </message>
    <message>
        <location filename="../app/nodes/nodes_page.cpp" line="78"/>
        <source>Clear all faults on every node</source>
        <translation>清除所有节点上的全部故障</translation>
    </message>
</context>
<context>
    <name>consortia::console::OverviewPage</name>
    <message>
        <location filename="../app/overview/overview_page.cpp" line="51"/>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../app/overview/overview_page.cpp" line="55"/>
        <source>Live</source>
        <translation>回到实时</translation>
    </message>
    <message>
        <location filename="../app/overview/overview_page.cpp" line="56"/>
        <source>● validator   ■ observer   gold ring: leader   colours: green synced, amber lagging, purple halted, red unreachable   links: RTT green &lt; 50 ms, amber &lt; 200 ms, red above; dashed: down, dotted: fault rule applied; above 30 nodes one bundle per pair of organisations, and only troubled links one by one   wheel: zoom, drag: pan, double-click: node detail</source>
        <translation>● 验证节点   ■ 观察节点   金色圆环：主节点   颜色：绿色已同步、琥珀色落后、紫色已停机、红色不可达   连线：RTT 绿色 &lt; 50 毫秒、琥珀色 &lt; 200 毫秒、红色更高；虚线：断开，点线：已施加故障规则；超过 30 个节点时每对机构之间合并为一束，仅逐条显示有问题的连接   滚轮：缩放，拖动：平移，双击：节点详情</translation>
    </message>
    <message>
        <location filename="../app/overview/overview_page.cpp" line="64"/>
        <source>Replaying %1</source>
        <translation>正在回放 %1</translation>
    </message>
    <message>
        <location filename="../app/overview/overview_page.cpp" line="65"/>
        <source>Live · drag to replay history</source>
        <translation>实时 · 拖动可回放历史</translation>
    </message>
</context>
<context>
    <name>consortia::console::ProposalsPage</name>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="17"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="18"/>
        <source>enacted</source>
        <translation>已生效</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="19"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="20"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="26"/>
        <source>add observer %1</source>
        <translation>添加观察节点 %1</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="27"/>
        <source>promote %1 to validator</source>
        <translation>将 %1 提升为验证节点</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="28"/>
        <source>demote %1 to observer</source>
        <translation>将 %1 降为观察节点</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="29"/>
        <source>remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="30"/>
        <source>upgrade %1</source>
        <translation>升级 %1</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="31"/>
        <source>cancel upgrade %1</source>
        <translation>取消升级 %1</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="32"/>
        <source>revoke certificate %1</source>
        <translation>吊销证书 %1</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="71"/>
        <source>Proposals (%1 open)</source>
        <translation>提案（%1 个进行中）</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="71"/>
        <source>Proposals</source>
        <translation>提案</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="75"/>
        <source>Governance proposals</source>
        <translation>治理提案</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="76"/>
        <source>A proposal is enacted when more than two thirds of the organisations approve it. The console acts as an organisation whose admin certificate and governance key this workstation holds.</source>
        <translation>超过三分之二的机构批准后提案生效。控制台以本工作站持有其管理员证书和治理密钥的机构身份操作。</translation>
    </message>
    <message>
        <source>A proposal is enacted when more than two thirds of the organisations approve it. The console acts as an organisation whose admin certificate it holds.</source>
        <translation type="vanished">超过三分之二的机构批准后提案生效。控制台以其持有管理员证书的机构身份操作。</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="78"/>
        <source>Act as</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="79"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="80"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="81"/>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="81"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="81"/>
        <source>Proposed by</source>
        <translation>提出方</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="81"/>
        <source>Approved by</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="81"/>
        <source>Pending</source>
        <translation>待批准</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="82"/>
        <source>Created at height</source>
        <translation>创建高度</translation>
    </message>
    <message>
        <location filename="../app/proposals/proposals_page.cpp" line="82"/>
        <source>Expires at height</source>
        <translation>过期高度</translation>
    </message>
</context>
<context>
    <name>consortia::console::RunbooksPage</name>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="64"/>
        <source>CA key passphrase</source>
        <translation>CA 私钥口令</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="65"/>
        <source>The passphrase of %1 (empty if it has none)</source>
        <translation>%1 的口令（无口令则留空）</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="81"/>
        <source>Runbooks (%1)</source>
        <translation>运行手册（%1）</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="81"/>
        <source>Runbooks</source>
        <translation>运行手册</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="85"/>
        <source>Node lifecycle</source>
        <translation>节点生命周期</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="86"/>
        <source>Each runbook is a list of steps that can be resumed after the console closes; a step the chain or a host refuses stops it with the reason.</source>
        <translation>每个运行手册是一组步骤，控制台关闭后可继续执行；链或主机拒绝的步骤会附原因停止执行。</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="88"/>
        <source>This network was opened from the inventory: the lifecycle needs its network directory (open it with --sandbox DIR or from the Network menu).</source>
        <translation>该网络从清单打开：生命周期操作需要其网络目录（用 --sandbox 目录 或从“网络”菜单打开）。</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="90"/>
        <source>Join a node…</source>
        <translation>加入节点…</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="91"/>
        <source>Retire a node…</source>
        <translation>退役节点…</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="92"/>
        <source>Back up…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="93"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="94"/>
        <source>Migrate…</source>
        <translation>迁移…</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="95"/>
        <source>Renew certificate…</source>
        <translation>续期证书…</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="96"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="97"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="98"/>
        <source>Runbook</source>
        <translation>运行手册</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="98"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="98"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="98"/>
        <location filename="../app/runbooks/runbooks_page.cpp" line="99"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="98"/>
        <location filename="../app/runbooks/runbooks_page.cpp" line="99"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="98"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="99"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="99"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="99"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="100"/>
        <source>Steps of the selected runbook</source>
        <translation>所选运行手册的步骤</translation>
    </message>
    <message>
        <location filename="../app/runbooks/runbooks_page.cpp" line="181"/>
        <source>Runbook not started</source>
        <translation>运行手册未启动</translation>
    </message>
</context>
<context>
    <name>consortia::console::TopologyView</name>
    <message>
        <location filename="../app/overview/topology_view.cpp" line="156"/>
        <source>%1 ↔ %2: RTT %3 ms, loss %4%%5</source>
        <translation>%1 ↔ %2：往返时延 %3 毫秒，丢包 %4%%5</translation>
    </message>
    <message>
        <location filename="../app/overview/topology_view.cpp" line="160"/>
        <source>, fault: %1</source>
        <translation>，故障：%1</translation>
    </message>
    <message>
        <location filename="../app/overview/topology_view.cpp" line="176"/>
        <source>%1 ↔ %2: %3 links, median RTT %4 ms, worst loss %5%</source>
        <translation>%1 ↔ %2：%3 条连接，RTT 中位数 %4 毫秒，最高丢包 %5%</translation>
    </message>
    <message>
        <location filename="../app/overview/topology_view.cpp" line="202"/>
        <source>%1 (%2)
%3, height %4, view %5%6</source>
        <translation>%1（%2）
%3，区块高度 %4，视图 %5%6</translation>
    </message>
    <message>
        <location filename="../app/overview/topology_view.cpp" line="207"/>
        <source>
leader</source>
        <translation>
主节点</translation>
    </message>
</context>
<context>
    <name>consortia::console::UpgradesPage</name>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="25"/>
        <source>validator</source>
        <translation>验证节点</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="26"/>
        <source>observer</source>
        <translation>观察节点</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="27"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="31"/>
        <source>synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="32"/>
        <source>lagging</source>
        <translation>落后</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="33"/>
        <source>syncing</source>
        <translation>同步中</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="34"/>
        <source>halted</source>
        <translation>已停机</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="35"/>
        <source>unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="83"/>
        <source>Roll back the upgrade</source>
        <translation>回滚升级</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="84"/>
        <source>Before the activation height, a rollback stops the upgrade, cancels plan %1 through governance and switches every node back to the binary it ran before. After the height there is no rollback of a chain. Roll back now?</source>
        <translation>在生效高度之前，回滚会停止升级、通过治理取消计划 %1，并把每个节点切回原来的二进制。到达该高度之后，链无法回滚。现在回滚吗？</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="93"/>
        <location filename="../app/upgrades/upgrades_page.cpp" line="96"/>
        <source>Upgrades</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="97"/>
        <source>A hard-fork upgrade switches every node to a new release, one at a time under its supervisor, then activates the new protocol at a height agreed through governance. The new release runs the old protocol until that height, so no node halts; a node whose new binary does not become healthy is switched back by its supervisor, and the upgrade stops with the reason.</source>
        <translation>硬分叉升级由各节点的监管进程逐个把节点切换到新发布版本，再在通过治理商定的高度启用新协议。新版本在该高度之前仍按旧协议运行，因此没有节点会停机；新二进制未能健康运行的节点由其监管进程切回，升级随之停止并给出原因。</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="101"/>
        <source>Stage a release…</source>
        <translation>暂存发布版本…</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="102"/>
        <source>Plan an upgrade…</source>
        <translation>计划升级…</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="103"/>
        <source>Run or resume</source>
        <translation>运行或继续</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="104"/>
        <source>Roll back…</source>
        <translation>回滚…</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="105"/>
        <source>Readiness</source>
        <translation>就绪情况</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="106"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="106"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="106"/>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="106"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="106"/>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="107"/>
        <source>Binary (SHA-256)</source>
        <translation>二进制（SHA-256）</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="107"/>
        <location filename="../app/upgrades/upgrades_page.cpp" line="248"/>
        <location filename="../app/upgrades/upgrades_page.cpp" line="280"/>
        <source>Release</source>
        <translation>发布版本</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="107"/>
        <source>Supervised</source>
        <translation>监管进程</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="107"/>
        <source>Staged</source>
        <translation>已暂存</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="108"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="108"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="108"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="123"/>
        <source>%1 (running)</source>
        <translation>%1（运行中）</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="125"/>
        <source>%1 (implements %2–%3)</source>
        <translation>%1（支持 %2–%3）</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="134"/>
        <source>as installed</source>
        <translation>自带版本</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="135"/>
        <source>simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="136"/>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="137"/>
        <source>no</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="167"/>
        <source>No upgrade yet</source>
        <translation>尚无升级</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="168"/>
        <source>A simulated network runs no binaries of its own: rehearse an upgrade in the simulator (consortia-sim, the upgrade scenarios) or on a sandbox of agents.</source>
        <translation>模拟网络没有各自的二进制：请在模拟器（consortia-sim 的升级场景）或由代理组成的沙箱中演练升级。</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="170"/>
        <source>Stage a release on every node, then plan the upgrade: a name, the release, and when.</source>
        <translation>先在所有节点上暂存发布版本，再计划升级：名称、发布版本和时间。</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="174"/>
        <source>%1 %2 (#%3): %4</source>
        <translation>%1 %2（#%3）：%4</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="192"/>
        <source>Protocol %1 activates at height %2: %3 blocks to go, about %4 s at %5 blocks a second.</source>
        <translation>协议 %1 将在高度 %2 生效：还有 %3 个块，按每秒 %5 个块约需 %4 秒。</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="198"/>
        <source>Protocol %1 activates at height %2: %3 blocks to go.</source>
        <translation>协议 %1 将在高度 %2 生效：还有 %3 个块。</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="199"/>
        <source>Cancelled before height %1.</source>
        <translation>已在高度 %1 之前取消。</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="201"/>
        <source>Protocol %1 is in force on every node since height %2.</source>
        <translation>自高度 %2 起，所有节点都运行协议 %1。</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="203"/>
        <source>The chain passed height %1, but not every node runs protocol %2: see the nodes above.</source>
        <translation>链已越过高度 %1，但并非所有节点都运行协议 %2：见上方节点列表。</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="208"/>
        <source>Release %1 is switched to node by node; the plan&apos;s height is set once every node runs it.</source>
        <translation>正在逐个节点切换到发布版本 %1；所有节点运行该版本后再确定计划的生效高度。</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="211"/>
        <source>Rolling back plan %1.</source>
        <translation>正在回滚计划 %1。</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="215"/>
        <source>Stopped at &quot;%1&quot;: %2</source>
        <translation>停在“%1”：%2</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="234"/>
        <source>Stage a release</source>
        <translation>暂存发布版本</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="236"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="243"/>
        <source>The release&apos;s consortia-agent binary</source>
        <translation>该发布版本的 consortia-agent 二进制</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="247"/>
        <source>Binary</source>
        <translation>二进制</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="250"/>
        <source>Stage on every node</source>
        <translation>在所有节点上暂存</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="251"/>
        <location filename="../app/upgrades/upgrades_page.cpp" line="285"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="255"/>
        <source>The binary goes to every node&apos;s agent, which checks its SHA-256 and that it runs there before keeping it beside the one in use.</source>
        <translation>二进制会发送到每个节点的代理，代理校验其 SHA-256 并确认能在本机运行后，把它存放在当前使用的版本旁边。</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="265"/>
        <source>Plan an upgrade</source>
        <translation>计划升级</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="275"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="277"/>
        <source>an observer if there is one</source>
        <translation>有观察节点时选观察节点</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="279"/>
        <source>Plan name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="281"/>
        <source>Activate in about</source>
        <translation>生效时间（约）</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="282"/>
        <source>Canary node</source>
        <translation>金丝雀节点</translation>
    </message>
    <message>
        <location filename="../app/upgrades/upgrades_page.cpp" line="284"/>
        <source>Plan and run</source>
        <translation>计划并运行</translation>
    </message>
</context>
</TS>
