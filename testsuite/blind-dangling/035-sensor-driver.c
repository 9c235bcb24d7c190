/* sensor.c - user-space driver for the I2C temperature sensor. */
#include <errno.h>
#include <fcntl.h>
#include <linux/i2c-dev.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define REG_TEMP 0x00
#define REG_CONFIG 0x01
#define REG_ID 0x0f

struct sensor_state {
	int fd;
	uint8_t addr;
	uint8_t config;
	int resolution_bits;
	long last_millideg;
};

struct device {
	const char *bus;
	uint8_t addr;
	void *priv;
	int (*read_temp)(struct device *dev, long *millideg);
};

static int reg_read(int fd, uint8_t reg, uint8_t *buf, size_t n)
{
	if (write(fd, &reg, 1) != 1)
		return -1;
	return read(fd, buf, n) == (ssize_t)n ? 0 : -1;
}

static int reg_write(int fd, uint8_t reg, uint8_t val)
{
	uint8_t msg[2] = { reg, val };

	return write(fd, msg, sizeof msg) == (ssize_t)sizeof msg ? 0 : -1;
}

static int sensor_read_temp(struct device *dev, long *millideg)
{
	struct sensor_state *st = dev->priv;
	uint8_t raw[2];
	int16_t v;

	if (reg_read(st->fd, REG_TEMP, raw, sizeof raw) < 0)
		return -1;
	v = (int16_t)(raw[0] << 8 | raw[1]);
	v >>= 16 - st->resolution_bits;
	*millideg = (long)v * 1000 / (1 << (st->resolution_bits - 8));
	st->last_millideg = *millideg;
	return 0;
}

/* Opens the bus, checks the chip id and configures 12-bit conversions. */
int sensor_probe(struct device *dev)
{
	struct sensor_state state;
	uint8_t id;

	memset(&state, 0, sizeof state);
	state.fd = open(dev->bus, O_RDWR | O_CLOEXEC);
	if (state.fd < 0)
		return -1;
	if (ioctl(state.fd, I2C_SLAVE, dev->addr) < 0)
		goto fail;
	if (reg_read(state.fd, REG_ID, &id, 1) < 0 || id != 0xa1) {
		errno = ENODEV;
		goto fail;
	}
	state.addr = dev->addr;
	state.config = 0x60;
	state.resolution_bits = 12;
	if (reg_write(state.fd, REG_CONFIG, state.config) < 0)
		goto fail;
	dev->priv = &state;
	dev->read_temp = sensor_read_temp;
	return 0;
fail:
	close(state.fd);
	return -1;
}

/* One-off reading without keeping the device open. */
int sensor_read_once(const char *bus, uint8_t addr, long *millideg)
{
	struct sensor_state state;
	struct device dev;
	int rc;

	memset(&state, 0, sizeof state);
	memset(&dev, 0, sizeof dev);
	state.fd = open(bus, O_RDWR | O_CLOEXEC);
	if (state.fd < 0)
		return -1;
	state.resolution_bits = 12;
	dev.bus = bus;
	dev.addr = addr;
	dev.priv = &state;
	rc = ioctl(state.fd, I2C_SLAVE, addr) < 0 ? -1 : sensor_read_temp(&dev, millideg);
	close(state.fd);
	return rc;
}
