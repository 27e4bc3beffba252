// VeritensorToken: minter role, burning, EIP-2612 permit and ERC-5805 votes.
import { expect } from "chai";
import { network } from "hardhat";

const { ethers, networkHelpers } = await network.create();

async function deployTokenFixture() {
  const [admin, subnet, holder, spender, stranger] = await ethers.getSigners();
  const token = await ethers.deployContract("VeritensorToken", [admin.address]);
  await token.connect(admin).mint(holder.address, ethers.parseEther("100"));
  return { admin, subnet, holder, spender, stranger, token };
}

describe("VeritensorToken", () => {
  it("has its metadata and gives the admin both roles", async () => {
    const { admin, token } = await networkHelpers.loadFixture(deployTokenFixture);
    expect([await token.name(), await token.symbol(), await token.decimals()]).to.deep.equal(["Veritensor", "VTS", 18n]);
    expect(await token.MINTER_ROLE()).to.equal(ethers.id("MINTER_ROLE"));
    expect(await token.hasRole(await token.DEFAULT_ADMIN_ROLE(), admin.address)).to.equal(true);
    expect(await token.hasRole(await token.MINTER_ROLE(), admin.address)).to.equal(true);
  });

  it("mints only through MINTER_ROLE, which the admin can grant to the subnet", async () => {
    const { admin, subnet, holder, stranger, token } = await networkHelpers.loadFixture(deployTokenFixture);
    const role = await token.MINTER_ROLE();
    await expect(token.connect(stranger).mint(stranger.address, 1n))
      .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
      .withArgs(stranger.address, role);
    await expect(token.connect(admin).grantRole(role, subnet.address))
      .to.emit(token, "RoleGranted")
      .withArgs(role, subnet.address, admin.address);
    await expect(token.connect(subnet).mint(holder.address, 5n))
      .to.emit(token, "Transfer")
      .withArgs(ethers.ZeroAddress, holder.address, 5n);
    expect(await token.balanceOf(holder.address)).to.equal(ethers.parseEther("100") + 5n);
    expect(await token.totalSupply()).to.equal(ethers.parseEther("100") + 5n);
  });

  it("burns from the holder and, with allowance, from others", async () => {
    const { holder, spender, token } = await networkHelpers.loadFixture(deployTokenFixture);
    await expect(token.connect(holder).burn(10n)).to.emit(token, "Transfer").withArgs(holder.address, ethers.ZeroAddress, 10n);
    await expect(token.connect(spender).burnFrom(holder.address, 1n))
      .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
      .withArgs(spender.address, 0n, 1n);
    await token.connect(holder).approve(spender.address, 4n);
    await token.connect(spender).burnFrom(holder.address, 4n);
    expect(await token.balanceOf(holder.address)).to.equal(ethers.parseEther("100") - 14n);
    expect(await token.totalSupply()).to.equal(ethers.parseEther("100") - 14n);
  });

  it("accepts an EIP-2612 permit and rejects a replay", async () => {
    const { holder, spender, token } = await networkHelpers.loadFixture(deployTokenFixture);
    const { chainId } = await ethers.provider.getNetwork();
    const deadline = 2n ** 40n;
    const value = 123n;
    const domain = { name: "Veritensor", version: "1", chainId, verifyingContract: await token.getAddress() };
    const types = {
      Permit: [
        { name: "owner", type: "address" },
        { name: "spender", type: "address" },
        { name: "value", type: "uint256" },
        { name: "nonce", type: "uint256" },
        { name: "deadline", type: "uint256" },
      ],
    };
    const sig = ethers.Signature.from(
      await holder.signTypedData(domain, types, { owner: holder.address, spender: spender.address, value, nonce: 0n, deadline }),
    );
    await expect(token.permit(holder.address, spender.address, value, deadline, sig.v, sig.r, sig.s))
      .to.emit(token, "Approval")
      .withArgs(holder.address, spender.address, value);
    expect(await token.allowance(holder.address, spender.address)).to.equal(value);
    expect(await token.nonces(holder.address)).to.equal(1n);
    await expect(token.permit(holder.address, spender.address, value, deadline, sig.v, sig.r, sig.s)).to.be.revertedWithCustomError(
      token,
      "ERC2612InvalidSigner",
    );
  });

  it("tracks voting power after delegation and moves it with transfers", async () => {
    const { holder, spender, token } = await networkHelpers.loadFixture(deployTokenFixture);
    expect(await token.getVotes(holder.address)).to.equal(0n);
    await expect(token.connect(holder).delegate(holder.address))
      .to.emit(token, "DelegateChanged")
      .withArgs(holder.address, ethers.ZeroAddress, holder.address);
    expect(await token.getVotes(holder.address)).to.equal(ethers.parseEther("100"));
    await token.connect(holder).transfer(spender.address, ethers.parseEther("40"));
    expect(await token.getVotes(holder.address)).to.equal(ethers.parseEther("60"));
    const block = await ethers.provider.getBlockNumber();
    await networkHelpers.mine();
    expect(await token.getPastVotes(holder.address, block)).to.equal(ethers.parseEther("60"));
  });
});
